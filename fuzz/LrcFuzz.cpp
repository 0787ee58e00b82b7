// libFuzzer target: a lyrics file (LRC or plain text, from anywhere). parse() and plainText()
// must take any bytes without crashing: lines valid UTF-8, sorted by time when synced, their
// words sorted within the line; problems one printable line each; the lookups consistent with
// the lines.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "stemdeck/words/LrcFile.h"
#include "stemdeck/words/TextFile.h"

namespace {

using stemdeck::words::LrcFile;

void check(bool condition) {
    if (!condition) std::abort();
}

void checkFile(const LrcFile& lrc) {
    const auto& lines = lrc.lines();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        check(stemdeck::words::validUtf8(lines[i].text));
        if (lrc.synced()) {
            if (i > 0) check(lines[i - 1].time <= lines[i].time);
            check(lrc.lineAt(lines[i].time) >= static_cast<int>(i));
            std::string joined;
            for (const auto& word : lines[i].words) joined += word.text;
            check(lines[i].text.size() >= joined.size());
        }
    }
    if (!lrc.synced()) check(lrc.lineAt(0.0) == -1);
    for (const auto& problem : lrc.problems()) {
        check(!problem.empty() && problem.size() < 300);
        check(stemdeck::words::validUtf8(problem));
        for (const char c : problem) check(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);
    }
    check(lrc.problems().size() <= LrcFile::kMaxProblems + 2);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    checkFile(LrcFile::parse(bytes));
    checkFile(LrcFile::plainText(bytes));
    return 0;
}

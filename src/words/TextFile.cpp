#include "stemdeck/words/TextFile.h"

#include <fstream>
#include <iterator>

namespace stemdeck::words {

bool validUtf8(std::string_view bytes) {
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        char32_t code = 0;
        char32_t minimum = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2, code = c & 0x1F, minimum = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3, code = c & 0x0F, minimum = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4, code = c & 0x07, minimum = 0x10000;
        } else {
            return false;
        }
        if (i + length > n) return false;
        for (std::size_t k = 1; k < length; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return false;
            code = (code << 6) | (s[i + k] & 0x3F);
        }
        if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
        i += length;
    }
    return true;
}

std::string latin1ToUtf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out += ch;
        } else {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

std::size_t codePointCount(std::string_view utf8) {
    std::size_t count = 0;
    for (const char ch : utf8)
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++count;
    return count;
}

std::string_view codePointPrefix(std::string_view utf8, std::size_t codePoints) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i)
        if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80 && count++ == codePoints)
            return utf8.substr(0, i);
    return utf8;
}

TextFile TextFile::decode(std::string_view bytes) {
    TextFile file;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    std::string converted;
    if (!validUtf8(bytes)) {
        converted = latin1ToUtf8(bytes);
        bytes = converted;
        file.latin1 = true;
    }
    std::size_t start = 0;
    while (start < bytes.size()) {
        if (file.lines.size() == kMaxLines) {
            file.problems.push_back("more than " + std::to_string(kMaxLines) +
                                    " lines; the rest is ignored");
            break;
        }
        const std::size_t end = bytes.find_first_of("\r\n", start);
        if (end == std::string_view::npos) {
            file.lines.emplace_back(bytes.substr(start));
            break;
        }
        file.lines.emplace_back(bytes.substr(start, end - start));
        start = end + 1;
        if (bytes[end] == '\r' && start < bytes.size() && bytes[start] == '\n') ++start;
    }
    return file;
}

TextFile TextFile::read(const std::filesystem::path& file) {
    const std::string name = file.filename().string();
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(file, error);
    if (error) {
        TextFile text;
        text.problems.push_back(name + ": cannot be read (" + error.message() + ")");
        return text;
    }
    if (size > kMaxFileBytes) {
        TextFile text;
        text.problems.push_back(name + ": " + std::to_string(size / 1024) +
                                " kB is more than a lyrics or chord file can be (" +
                                std::to_string(kMaxFileBytes / 1024) + " kB); not read");
        return text;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        TextFile text;
        text.problems.push_back(name + ": cannot be opened");
        return text;
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    TextFile text = decode(bytes);
    for (auto& problem : text.problems) problem = name + ": " + problem;
    return text;
}

}  // namespace stemdeck::words

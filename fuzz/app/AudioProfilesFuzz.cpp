// libFuzzer target: an audio profiles document (settings/profiles.json, or a replacement
// beside the settings file). Whatever the bytes: every profile has an id, a usable block size
// and a one-line name; the default block size is one the list offers; and read as a file it
// always yields presets to choose from, with a problem to report whenever it was not used as
// it is.
#include "FuzzSupport.h"
#include "stemdeck/app/AudioProfiles.h"

using namespace stemdeck;
using fuzz::check;

namespace {

void checkProfiles(const app::AudioProfiles& profiles) {
    check(profiles.profiles().size() <= app::AudioProfiles::kMaxProfiles);
    for (const app::AudioProfile& p : profiles.profiles()) {
        check(!p.id.isEmpty());
        check(p.framesPerBuffer >= app::AudioProfiles::kMinFrames &&
              p.framesPerBuffer <= app::AudioProfiles::kMaxFrames);
        check(profiles.find(p.framesPerBuffer) != nullptr);
        check(fuzz::isDisplayLine(p.name) && fuzz::isDisplayLine(p.description));
    }
    check(profiles.profiles().isEmpty() || profiles.contains(profiles.defaultFramesPerBuffer()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray json(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const app::AudioProfiles parsed = app::AudioProfiles::parse(json);
    checkProfiles(parsed);

    static const QString file = fuzz::scratchDir() + QStringLiteral("/profiles.json");
    fuzz::writeFile(file, data, size);
    QString problem;
    const app::AudioProfiles used = app::AudioProfiles::fromFile(file, &problem);
    checkProfiles(used);
    check(!used.profiles().isEmpty());
    const bool asParsed = !parsed.profiles().isEmpty() && parsed.skipped() == 0;
    check(problem.isEmpty() == asParsed);
    return 0;
}

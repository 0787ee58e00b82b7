#include "EntryClick.h"

#include "stemdeck/audio/loader/SongMetaFile.h"

namespace stemdeck::cli {

audio::ClickSettings entryClick(const app::set::SetEntry& entry,
                                const std::filesystem::path& folder, float levelDb,
                                std::vector<std::string>& problems) {
    audio::ClickSettings click;
    click.enabled = entry.click;
    click.countInBars = entry.countInBars;
    click.levelDb = levelDb;
    const audio::SongMetaFile meta = audio::SongMetaFile::read(folder);
    if (meta.bpm) click.bpm = *meta.bpm;
    if (meta.signature) {
        click.beatsPerBar = meta.signature->beatsPerBar;
        click.beatUnit = meta.signature->beatUnit;
    }
    click.firstBeatSeconds = meta.firstDownbeat.value_or(0.0);
    if (entry.click || entry.countInBars > 0)
        problems.insert(problems.end(), meta.problems.begin(), meta.problems.end());
    return click;
}

}  // namespace stemdeck::cli

#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "stemdeck/audio/loader/StemProbe.h"

// The names and the order of a song's stems. Any thread.
namespace stemdeck::audio::loader {

// <0, 0, >0 like strcmp, but case-insensitive and with digit runs compared as numbers.
int naturalCompare(std::string_view a, std::string_view b);

// Stem order: by name (naturalCompare), then byte for byte, then by file.
bool stemOrder(const StemProbe& a, const StemProbe& b);

// Gives every probe a name no other probe has, and sorts them by it. Each starts with its
// file's name (StemProbe::name as probed: the file name without extension). A name only one
// file has is kept. Files sharing a name get their extension added ("drums.wav" and
// "drums.flac" become "drums (wav)" and "drums (flac)"), and a name so made that is still
// taken (by a file named like that, or twice: the same file name in the folder and in
// tracks/) gets the first free number ("drums (wav) 2").
void makeNamesUnique(std::vector<StemProbe>& probes);

std::string lowerAscii(std::string text);

}  // namespace stemdeck::audio::loader

#pragma once

#include <optional>
#include <string>

#include "stemdeck/audio/loader/StemProbe.h"

// Decoding the first and the last second of a stem: a damaged file fails there (cut short,
// lost sync) without decoding all of it. Any thread but the audio one.
namespace stemdeck::app::set {

// What is wrong with the stem's ends, one phrase starting with the file's name; none when
// both decode. The end is checked where the source can seek to it (PCM and FLAC always;
// MP3 and Ogg when libsndfile or mpg123 can).
std::optional<std::string> stemEndsProblem(const audio::StemProbe& probe);

}  // namespace stemdeck::app::set

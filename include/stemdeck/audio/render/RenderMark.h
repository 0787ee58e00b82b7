#pragma once

#include <string_view>

namespace stemdeck::audio {

// Every audio file stemdeck writes (stemdeck-cli render, the app's Export Mix) carries this
// text as its libsndfile software string (SF_STR_SOFTWARE: WAV LIST/INFO ISFT, FLAC and Ogg
// Vorbis comment SOFTWARE). The loader leaves files so marked out of a song, so a render saved
// inside a song folder never becomes a stem, whatever it is named.
inline constexpr std::string_view kRenderSoftwareMark = "stemdeck render";

}  // namespace stemdeck::audio

#pragma once

namespace stemdeck::app {

class PlaybackManager;
class SongMarkers;
class SectionVamp;
class LockState;
namespace set {
class SetSession;
class SetPlayer;
class SetListModel;
}  // namespace set

// The app objects the control layer drives and reads (AppActions, StateCollector). Only the
// playback is required: without markers, a vamp, a set or a lock the actions that need them
// answer Unavailable and the state leaves their fields empty. The objects must outlive the
// control layer. Control thread only.
struct AppParts {
    PlaybackManager& playback;
    SongMarkers* markers = nullptr;
    SectionVamp* vamp = nullptr;
    set::SetSession* session = nullptr;
    set::SetPlayer* player = nullptr;
    set::SetListModel* setModel = nullptr;  // set durations; may be null
    LockState* lock = nullptr;
};

}  // namespace stemdeck::app

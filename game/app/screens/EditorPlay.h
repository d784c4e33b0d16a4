// State of the editor's "Play from here" dialog (EditorPlay.cpp): the node to start at and the
// hand-set state (mood, trust, each declared flag and counter), with core::playFromHere's verdict
// on it, recomputed only when a value changes.
#pragma once

#include <map>
#include <string>

#include "counterplay/core/PlayFromHere.h"

namespace counterplay::app {

struct EditorPlayDialog {
    bool open = false;
    bool opened = false;  ///< ImGui::OpenPopup was called for this opening
    int frames = 0;       ///< frames the dialog has been drawn
    std::string node;
    int mood = 50, trust = 50;
    std::map<std::string, bool> flags;
    std::map<std::string, int> counters;
    std::string checkedKey;  ///< the values the verdict below is for
    core::PlayStart check;
};

}  // namespace counterplay::app

// The colours the inspector's parts share (EditorInspector*.cpp).
#pragma once

#include <imgui.h>

namespace counterplay::app::inspector {

inline const ImVec4 kRed{1.f, 0.42f, 0.42f, 1.f};     ///< an error under a field
inline const ImVec4 kGold{0.96f, 0.76f, 0.35f, 1.f};  ///< headings, and texts still to fill in

}  // namespace counterplay::app::inspector

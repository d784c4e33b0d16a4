// Colours and text sizes of the graph canvas (one place, so the editor and the dashboard agree).
// Ending colours match `counterplay graph`: loyal green, resolved blue, lost red, escalated orange.
#pragma once

#include <imgui.h>

#include <string>

namespace counterplay::app::graph {

inline constexpr float kNodeFontSize = 14.f;  ///< node text, layout units (pixels at zoom 1)
inline constexpr float kEdgeFontSize = 12.f;
inline constexpr float kBoxHeightHint =
    52.f;  ///< typical box height (core::LayoutOptions::nodeHeight)
inline constexpr float kMinTextPixels = 7.5f;   ///< below this on screen, no text is drawn
inline constexpr float kReadablePixels = 11.f;  ///< node texts are never drawn smaller than this
inline constexpr float kLabelBoxPixels =
    12.f;  ///< a box this tall on screen gets its one-line label

struct Palette {
    struct Pair {
        ImU32 fill, border;
    };
    ImU32 background = IM_COL32(24, 28, 38, 255);
    Pair node{IM_COL32(46, 54, 72, 255), IM_COL32(120, 134, 160, 255)};
    Pair unreachable{IM_COL32(44, 44, 48, 255), IM_COL32(96, 96, 104, 255)};
    Pair loyal{IM_COL32(200, 230, 201, 255), IM_COL32(46, 125, 50, 255)};
    Pair resolved{IM_COL32(187, 222, 251, 255), IM_COL32(21, 101, 192, 255)};
    Pair lost{IM_COL32(255, 205, 210, 255), IM_COL32(198, 40, 40, 255)};
    Pair escalated{IM_COL32(255, 224, 178, 255), IM_COL32(239, 108, 0, 255)};
    ImU32 lightText = IM_COL32(236, 238, 244, 255);
    ImU32 dimText = IM_COL32(170, 178, 196, 255);
    ImU32 darkText = IM_COL32(28, 30, 36, 255);
    ImU32 darkDimText = IM_COL32(70, 74, 84, 255);
    ImU32 edgeGood = IM_COL32(102, 187, 106, 255);
    ImU32 edgeBad = IM_COL32(239, 83, 80, 255);
    ImU32 edgeNeutral = IM_COL32(144, 152, 170, 255);
    ImU32 edgeBack = IM_COL32(171, 130, 214, 255);
    ImU32 timed = IM_COL32(128, 222, 234, 255);    ///< timed nodes: cyan frame and timer pill
    ImU32 critical = IM_COL32(236, 64, 122, 255);  ///< critical actions: pink stripe
    ImU32 problem = IM_COL32(255, 82, 82, 255);    ///< nodes with errors: red frame and "!"
    ImU32 warning = IM_COL32(255, 179, 0, 255);    ///< nodes with warnings: amber frame and "!"
    ImU32 selected = IM_COL32(255, 255, 255, 255);
    ImU32 best = IM_COL32(255, 214, 0, 255);  ///< the best path
    ImU32 labelBg = IM_COL32(24, 28, 38, 215);
    ImU32 badgeBg = IM_COL32(38, 166, 154, 255);
    ImU32 minimapBg = IM_COL32(14, 16, 22, 150);  ///< translucent: what is under it shows through
    ImU32 minimapBorder = IM_COL32(120, 134, 160, 255);
    ImU32 minimapView = IM_COL32(255, 214, 0, 255);

    /// Fill and border of an ending node by its kind.
    Pair ending(const std::string& kind) const {
        if (kind == "loyal") return loyal;
        if (kind == "resolved") return resolved;
        if (kind == "lost") return lost;
        if (kind == "escalated") return escalated;
        return {IM_COL32(224, 224, 224, 255), IM_COL32(97, 97, 97, 255)};
    }
};

/// The canvas palette.
inline const Palette& palette() {
    static const Palette p;
    return p;
}

/// A node's problem colour: 1 = warning (amber), 2 = error (red).
inline ImU32 problemColour(char level) {
    return level >= 2 ? palette().problem : palette().warning;
}

/// The colour with its alpha scaled by `factor` (dimming edges that are not selected).
inline ImU32 withAlpha(ImU32 colour, float factor) {
    const auto a =
        static_cast<ImU32>(static_cast<float>((colour >> IM_COL32_A_SHIFT) & 0xFF) * factor);
    return (colour & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

}  // namespace counterplay::app::graph

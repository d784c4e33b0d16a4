// Keyboard and mouse navigation over a screen's widgets: hover focuses, click activates (on
// release over the widget pressed), Tab / Shift+Tab cycle, arrow keys move to the nearest widget
// in that direction, Enter (and Space when enabled) activates the focused widget.
#pragma once

#include <SFML/Window/Event.hpp>
#include <vector>

#include "ui/Widget.h"

namespace counterplay::app::ui {

class FocusGroup {
public:
    void clear();
    /// Adds a widget with the id `activate` will report.
    void add(Widget* widget, int id);
    /// Handles one event; returns the id of the widget activated, or -1.
    int handleEvent(const sf::Event& event, sf::Vector2f mouse);
    /// Updates hover and focus animations of every widget.
    void update(float dt, sf::Vector2f mouse);
    void draw(sf::RenderTarget& target) const;

    int focusedId() const;
    void focusId(int id);
    void clearFocus();
    /// Space activates too (menus); off where Space means something else (dialogue).
    void setSpaceActivates(bool on) { spaceActivates_ = on; }
    /// Arrow keys navigate (off for screens that use them themselves).
    void setArrowsNavigate(bool on) { arrows_ = on; }
    /// Moves focus one step in a direction (dx, dy in -1..1); also used by screens.
    void moveFocus(int dx, int dy);
    /// Moves focus to the next (+1) or previous (-1) widget in the order added.
    void cycle(int step);

private:
    struct Item {
        Widget* widget;
        int id;
    };
    void setFocus(int index);

    std::vector<Item> items_;
    int focus_ = -1;
    int pressed_ = -1;
    bool spaceActivates_ = true;
    bool arrows_ = true;
};

}  // namespace counterplay::app::ui

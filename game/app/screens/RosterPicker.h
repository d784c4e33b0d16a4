// The title screen's pick list of the manager's roster (core Roster.h): under the name field,
// the entries whose name or employee id contain what was typed. Up/Down move, Enter or a click
// picks (setting name and employee id), Esc hides it; typing a free name still works.
#pragma once

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Window/Event.hpp>
#include <optional>
#include <vector>

#include "Context.h"
#include "counterplay/core/Roster.h"
#include "ui/Label.h"

namespace counterplay::app {

class RosterPicker {
public:
    /// The entries to offer (empty: the picker never shows) and where the list starts.
    void setup(Context& ctx, std::vector<core::RosterEntry> entries, sf::Vector2f topLeft, float width);
    bool empty() const { return entries_.empty(); }
    /// Narrows the list to the entries matching `typed` (case-insensitive for ASCII); a new
    /// text shows a hidden list again.
    void filter(const std::string& typed);
    /// Shows the list while the name field has focus.
    void setActive(bool active) { active_ = active; }
    bool visible() const { return active_ && !hidden_ && !matches_.empty(); }
    /// Handles keys and clicks meant for the list; `consumed` tells the screen not to pass the
    /// event on. Returns the entry picked, if any.
    std::optional<core::RosterEntry> handleEvent(const sf::Event& event, sf::Vector2f mouse,
                                                 bool& consumed);
    void update(sf::Vector2f mouse);
    void draw(sf::RenderTarget& target) const;

private:
    sf::FloatRect rowRect(std::size_t row) const;
    void rebuild();

    Context* ctx_ = nullptr;
    std::vector<core::RosterEntry> entries_;
    std::vector<std::size_t> matches_;  ///< indexes into entries_, at most kRows
    std::vector<ui::Label> labels_;
    std::string typed_;
    sf::Vector2f topLeft_;
    float width_ = 0;
    int highlight_ = -1;  ///< -1: nothing highlighted (Enter goes on to the id field)
    int hover_ = -1;
    bool active_ = false;
    bool hidden_ = false;
    bool filtered_ = false;
};

}  // namespace counterplay::app

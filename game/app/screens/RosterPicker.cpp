#include "screens/RosterPicker.h"

#include <algorithm>
#include <cctype>

#include "ui/RoundedRect.h"
#include "ui/Theme.h"

namespace counterplay::app {

namespace {
constexpr std::size_t kRows = 5;
constexpr float kRowHeight = 38.f;

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}
}  // namespace

void RosterPicker::setup(Context& ctx, std::vector<core::RosterEntry> entries, sf::Vector2f topLeft,
                         float width) {
    ctx_ = &ctx;
    entries_ = std::move(entries);
    topLeft_ = topLeft;
    width_ = width;
    filtered_ = false;  // the first filter() always builds the list
    filter("");
}

void RosterPicker::filter(const std::string& typed) {
    if (filtered_ && typed == typed_) return;
    filtered_ = true;
    typed_ = typed;
    hidden_ = false;
    std::string want = lower(typed);
    want.erase(0, want.find_first_not_of(" \t"));
    while (!want.empty() && (want.back() == ' ' || want.back() == '\t')) want.pop_back();
    matches_.clear();
    for (std::size_t i = 0; i < entries_.size() && matches_.size() < kRows; ++i) {
        const auto& e = entries_[i];
        if (want.empty() || lower(e.name).find(want) != std::string::npos ||
            lower(e.employeeId).find(want) != std::string::npos)
            matches_.push_back(i);
    }
    // The name typed in full is already chosen: nothing left to pick.
    if (matches_.size() == 1 && lower(entries_[matches_[0]].name) == want) matches_.clear();
    highlight_ = want.empty() || matches_.empty() ? -1 : 0;
    rebuild();
}

void RosterPicker::rebuild() {
    labels_.clear();
    if (!ctx_) return;
    for (std::size_t r = 0; r < matches_.size(); ++r) {
        const auto& e = entries_[matches_[r]];
        static const std::string kDot = "  \xC2\xB7  ";
        std::string text = e.name;
        text.append(kDot).append(e.employeeId);
        if (!e.store.empty()) text.append(kDot).append(e.store);
        ui::Label label(ctx_->fonts.regular, utf8(text), theme::kSizeSmall, theme::kTextOnDark);
        const sf::FloatRect row = rowRect(r);
        label.setPosition(row.left + 14, row.top + 9);
        labels_.push_back(std::move(label));
    }
}

sf::FloatRect RosterPicker::rowRect(std::size_t row) const {
    return {topLeft_.x, topLeft_.y + 4 + kRowHeight * static_cast<float>(row), width_, kRowHeight};
}

std::optional<core::RosterEntry> RosterPicker::handleEvent(const sf::Event& event, sf::Vector2f mouse,
                                                           bool& consumed) {
    consumed = false;
    if (!visible()) return std::nullopt;
    const int n = static_cast<int>(matches_.size());
    if (event.type == sf::Event::KeyPressed) {
        switch (event.key.code) {
        case sf::Keyboard::Down:
            highlight_ = std::min(n - 1, highlight_ + 1);
            consumed = true;
            return std::nullopt;
        case sf::Keyboard::Up:
            highlight_ = std::max(-1, highlight_ - 1);
            consumed = true;
            return std::nullopt;
        case sf::Keyboard::Escape:
            hidden_ = true;
            consumed = true;
            return std::nullopt;
        case sf::Keyboard::Enter:
            if (highlight_ >= 0) {
                consumed = true;
                return entries_[matches_[static_cast<std::size_t>(highlight_)]];
            }
            return std::nullopt;
        default: return std::nullopt;
        }
    }
    if (event.type == sf::Event::MouseButtonPressed || event.type == sf::Event::MouseButtonReleased) {
        for (int r = 0; r < n; ++r) {
            if (!rowRect(static_cast<std::size_t>(r)).contains(mouse)) continue;
            consumed = true;
            if (event.type == sf::Event::MouseButtonReleased)
                return entries_[matches_[static_cast<std::size_t>(r)]];
            return std::nullopt;
        }
    }
    return std::nullopt;
}

void RosterPicker::update(sf::Vector2f mouse) {
    hover_ = -1;
    for (std::size_t r = 0; r < matches_.size(); ++r)
        if (rowRect(r).contains(mouse)) hover_ = static_cast<int>(r);
}

void RosterPicker::draw(sf::RenderTarget& target) const {
    if (!visible()) return;
    const float h = kRowHeight * static_cast<float>(matches_.size()) + 8;
    const sf::FloatRect box{topLeft_.x, topLeft_.y, width_, h};
    ui::drawShadow(target, box, 10, 1.f);
    ui::fillRounded(target, box, 10, sf::Color(30, 36, 54));
    for (std::size_t r = 0; r < matches_.size(); ++r) {
        const int row = static_cast<int>(r);
        if (row == highlight_ || row == hover_) {
            sf::FloatRect rr = rowRect(r);
            rr.left += 4;
            rr.width -= 8;
            ui::fillRounded(target, rr, 8,
                            row == highlight_ ? sf::Color(231, 111, 81, 90) : sf::Color(255, 255, 255, 24));
        }
        target.draw(labels_[r]);
    }
}

}  // namespace counterplay::app

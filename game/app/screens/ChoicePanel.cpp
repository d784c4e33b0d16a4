#include "screens/ChoicePanel.h"

#include <algorithm>
#include <string>

#include "ui/Theme.h"

namespace counterplay::app {

namespace {
constexpr float kLeft = 628.f, kWidth = 612.f, kTop = 134.f, kGap = 10.f;
}

void ChoicePanel::show(const std::vector<sf::String>& texts, float textScale, float bottom) {
    buttons_.clear();
    buttons_.resize(texts.size());
    focus_.clear();
    focus_.setSpaceActivates(false);
    const float available = bottom - 28.f - kTop;
    // Shrink the text until every option fits (long options at the largest text size).
    float size = 18.f * textScale;
    std::vector<float> heights(texts.size());
    for (int attempt = 0; attempt < 8; ++attempt) {
        float total = 0.f;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            buttons_[i].setup(ctx_->fonts.regular, texts[i], {kLeft, 0, kWidth, 52}, ui::ButtonStyle::Choice, size);
            heights[i] = buttons_[i].preferredHeight(kWidth);
            total += heights[i] + kGap;
        }
        if (total - kGap <= available || size <= 13.f) break;
        size -= 1.f;
    }
    float total = -kGap;
    for (float h : heights) total += h + kGap;
    float y = std::max(kTop, bottom - 28.f - total);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        buttons_[i].setRect({kLeft, y, kWidth, heights[i]});
        buttons_[i].setBadge(sf::String(std::to_string(i + 1)));
        focus_.add(&buttons_[i], static_cast<int>(i));
        y += heights[i] + kGap;
    }
    visible_ = true;
    age_ = 0.f;
}

void ChoicePanel::hide() {
    visible_ = false;
    buttons_.clear();
    focus_.clear();
}

int ChoicePanel::handleEvent(const sf::Event& event, sf::Vector2f mouse) {
    if (!visible_ || age_ < 0.12f) return -1;  // no accidental click as the options appear
    if (event.type == sf::Event::KeyPressed) {
        int n = -1;
        if (event.key.code >= sf::Keyboard::Num1 && event.key.code <= sf::Keyboard::Num9)
            n = event.key.code - sf::Keyboard::Num1;
        else if (event.key.code >= sf::Keyboard::Numpad1 && event.key.code <= sf::Keyboard::Numpad9)
            n = event.key.code - sf::Keyboard::Numpad1;
        if (n >= 0) return n < static_cast<int>(buttons_.size()) ? n : -1;
    }
    return focus_.handleEvent(event, mouse);
}

void ChoicePanel::update(float dt, sf::Vector2f mouse) {
    if (!visible_) return;
    age_ += dt;
    for (std::size_t i = 0; i < buttons_.size(); ++i) {
        const float t = std::clamp((age_ - 0.06f * static_cast<float>(i)) / 0.25f, 0.f, 1.f);
        buttons_[i].setOpacity(t);
    }
    focus_.update(dt, mouse);
}

bool ChoicePanel::settled() const {
    if (!visible_) return true;
    if (age_ < 0.25f + 0.06f * static_cast<float>(buttons_.size())) return false;
    return std::all_of(buttons_.begin(), buttons_.end(), [](const ui::Button& b) { return b.settled(); });
}

void ChoicePanel::draw(sf::RenderTarget& target) const {
    if (!visible_) return;
    for (std::size_t i = 0; i < buttons_.size(); ++i) {
        const float t = std::clamp((age_ - 0.06f * static_cast<float>(i)) / 0.25f, 0.f, 1.f);
        if (t <= 0.f) continue;
        sf::RenderStates s;
        s.transform.translate((1.f - t) * (1.f - t) * 60.f, 0);
        const sf::View v = target.getView();
        // Buttons draw themselves; shift them with a temporary view offset.
        sf::View shifted = v;
        shifted.move(-(1.f - t) * (1.f - t) * 60.f, 0);
        target.setView(shifted);
        buttons_[i].draw(target);
        target.setView(v);
    }
}

}  // namespace counterplay::app

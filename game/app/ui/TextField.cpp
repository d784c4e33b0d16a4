#include "ui/TextField.h"

#include <SFML/Graphics/RectangleShape.hpp>
#include <algorithm>
#include <cmath>

#include "ui/Theme.h"

namespace counterplay::app::ui {

void TextField::setup(const sf::Font& font, sf::FloatRect rect, const sf::String& placeholder,
                      std::size_t maxChars) {
    rect_ = rect;
    maxChars_ = maxChars;
    for (Label* l : {&text_, &placeholder_, &beforeCaret_}) {
        l->setFont(font);
        l->setSize(theme::kSizeBody);
    }
    text_.setColor(theme::kText);
    placeholder_.setColor(theme::kTextMuted);
    placeholder_.setString(placeholder);
    box_.set(rect_, theme::kRadiusSmall);
    refresh();
}

void TextField::setPlaceholder(const sf::String& placeholder) {
    placeholder_.setString(placeholder);
    refresh();
}

void TextField::setValue(const sf::String& value) {
    value_ = value.getSize() > maxChars_ ? value.substring(0, maxChars_) : value;
    caret_ = value_.getSize();
    refresh();
}

void TextField::refresh() {
    text_.setString(value_);
    beforeCaret_.setString(value_.substring(0, caret_));
    const float y = rect_.top + (rect_.height - theme::kSizeBody * 1.2f) / 2.f;
    text_.setPosition(rect_.left + 14.f, y);
    placeholder_.setPosition(rect_.left + 14.f, y);
    beforeCaret_.setPosition(rect_.left + 14.f, y);
    blink_ = 0.f;
}

bool TextField::handleFocusedEvent(const sf::Event& event) {
    if (event.type == sf::Event::TextEntered) {
        const sf::Uint32 c = event.text.unicode;
        if (c < 32 || c == 127) return false;  // control keys come as KeyPressed
        if (value_.getSize() >= maxChars_) return true;
        value_.insert(caret_++, sf::String(c));
        refresh();
        return true;
    }
    if (event.type != sf::Event::KeyPressed) return false;
    switch (event.key.code) {
    case sf::Keyboard::BackSpace:
        if (caret_ > 0) value_.erase(--caret_);
        break;
    case sf::Keyboard::Delete:
        if (caret_ < value_.getSize()) value_.erase(caret_);
        break;
    case sf::Keyboard::Left:
        if (caret_ > 0) --caret_;
        break;
    case sf::Keyboard::Right:
        if (caret_ < value_.getSize()) ++caret_;
        break;
    case sf::Keyboard::Home: caret_ = 0; break;
    case sf::Keyboard::End: caret_ = value_.getSize(); break;
    case sf::Keyboard::Space: return true;  // typed via TextEntered
    default: return false;
    }
    refresh();
    return true;
}

void TextField::update(float dt, bool hovered) {
    blink_ += dt;
    hover_ += ((hovered ? 1.f : 0.f) - hover_) * std::min(1.f, dt * 12.f);
}

void TextField::draw(sf::RenderTarget& target) const {
    box_.setFill(theme::mix(theme::kCream, sf::Color::White, hover_));
    box_.setOutline(focused_ ? theme::kAccent : theme::kCreamDim, focused_ ? 2.5f : 1.5f);
    target.draw(box_);
    if (value_.isEmpty())
        target.draw(placeholder_);
    else
        target.draw(text_);
    if (focused_ && std::fmod(blink_, 1.f) < 0.6f) {
        const float x = rect_.left + 14.f + (caret_ > 0 ? beforeCaret_.size().x + 1.f : 0.f);
        sf::RectangleShape caret({2.f, rect_.height * 0.55f});
        caret.setPosition(x, rect_.top + rect_.height * 0.225f);
        caret.setFillColor(theme::kAccent);
        target.draw(caret);
    }
}

}  // namespace counterplay::app::ui

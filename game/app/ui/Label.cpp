#include "ui/Label.h"

#include <SFML/Graphics/RenderTarget.hpp>
#include <algorithm>
#include <cmath>

namespace counterplay::app::ui {
namespace {

float gScale = 1.f;
int gGeneration = 0;

}  // namespace

void Label::setPixelScale(float scale) {
    scale = std::clamp(scale, 0.25f, 8.f);
    if (std::abs(scale - gScale) < 1e-4f) return;
    gScale = scale;
    ++gGeneration;
}

float Label::pixelScale() { return gScale; }

Label::Label(const sf::Font& font, const sf::String& text, float size, sf::Color color,
             float wrapWidth)
    : font_(&font), source_(text), size_(size), color_(color), wrap_(wrapWidth) {}

void Label::setFont(const sf::Font& font) {
    if (font_ == &font) return;
    font_ = &font;
    dirty_ = true;
}

void Label::setString(const sf::String& text) {
    if (text == source_) return;
    source_ = text;
    dirty_ = true;
}

void Label::setSize(float size) {
    if (size == size_) return;
    size_ = size;
    dirty_ = true;
}

void Label::setColor(sf::Color color) {
    color_ = color;
    text_.setFillColor(color);
}

void Label::setWrapWidth(float width) {
    if (width == wrap_) return;
    wrap_ = width;
    dirty_ = true;
}

void Label::setLineSpacing(float factor) {
    if (factor == spacing_) return;
    spacing_ = factor;
    dirty_ = true;
}

void Label::setPosition(sf::Vector2f position) {
    position_ = position;
    if (!dirty_ && generation_ == gGeneration)
        text_.setPosition(std::round(position_.x * scale_) / scale_,
                          std::round(position_.y * scale_) / scale_);
}

void Label::setVisibleCount(std::size_t count) { visible_ = count; }

std::size_t Label::revealLength() const {
    ensure();
    return wrapped_.getSize();
}

float Label::lineHeight() const {
    if (font_ == nullptr) return size_;
    ensure();
    return font_->getLineSpacing(text_.getCharacterSize()) * spacing_ / scale_;
}

sf::Vector2f Label::size() const {
    ensure();
    return size_cache_;
}

void Label::ensure() const {
    if (!dirty_ && generation_ == gGeneration) return;
    dirty_ = false;
    generation_ = gGeneration;
    scale_ = gScale;
    if (font_ == nullptr) {
        size_cache_ = {0.f, size_};
        return;
    }
    const unsigned px = static_cast<unsigned>(std::max(1.f, std::round(size_ * scale_)));
    wrapped_ = wrap_ > 0.f ? wrapText(*font_, px, source_, wrap_ * scale_) : source_;
    text_.setFont(*font_);
    text_.setCharacterSize(px);
    text_.setLineSpacing(spacing_);
    text_.setFillColor(color_);
    text_.setScale(1.f / scale_, 1.f / scale_);
    text_.setString(wrapped_);
    measure_ = text_;
    shownCount_ = static_cast<std::size_t>(-2);
    // Size: widest line and the number of lines times the line height (stable while typing).
    const sf::FloatRect b = text_.getLocalBounds();
    std::size_t lines = 1;
    for (std::size_t i = 0; i < wrapped_.getSize(); ++i)
        if (wrapped_[i] == '\n') ++lines;
    const float lineH = font_->getLineSpacing(px) * spacing_;
    size_cache_ = {(b.left + b.width) / scale_,
                   (lineH * static_cast<float>(lines - 1) + static_cast<float>(px) * 1.2f) / scale_};
    text_.setPosition(std::round(position_.x * scale_) / scale_,
                      std::round(position_.y * scale_) / scale_);
}

sf::FloatRect Label::charactersRect(std::size_t from, std::size_t to) const {
    ensure();
    to = std::min(to, wrapped_.getSize());
    if (font_ == nullptr || from >= to) return {};
    measure_.setPosition(text_.getPosition());
    const float pad = size_ * 0.4f;
    const float line = lineHeight();
    float left = 0, top = 0, right = 0, bottom = 0;
    for (std::size_t i = from; i < to; ++i) {
        const sf::Vector2f p = measure_.findCharacterPos(i);
        const sf::Vector2f next = measure_.findCharacterPos(i + 1);
        const float width = next.y == p.y && next.x > p.x ? next.x - p.x : size_ * 1.2f;
        const float l = p.x - pad, t = p.y - pad, r = p.x + width + pad, b = p.y + line + pad;
        if (i == from) {
            left = l, top = t, right = r, bottom = b;
        } else {
            left = std::min(left, l), top = std::min(top, t);
            right = std::max(right, r), bottom = std::max(bottom, b);
        }
    }
    return {left, top, right - left, bottom - top};
}

void Label::draw(sf::RenderTarget& target, sf::RenderStates states) const {
    if (font_ == nullptr || source_.isEmpty()) return;
    ensure();
    const std::size_t want = std::min(visible_, wrapped_.getSize());
    if (want != shownCount_) {
        shownCount_ = want;
        text_.setString(want == wrapped_.getSize() ? wrapped_ : wrapped_.substring(0, want));
    }
    target.draw(text_, states);
}

sf::String wrapText(const sf::Font& font, unsigned charSize, const sf::String& text,
                    float maxWidth, bool bold) {
    sf::String out;
    float lineWidth = 0.f;
    std::size_t lastSpace = static_cast<std::size_t>(-1);  // index in `out`
    float widthAtSpace = 0.f;
    sf::Uint32 prev = 0;
    for (std::size_t i = 0; i < text.getSize(); ++i) {
        const sf::Uint32 c = text[i];
        if (c == '\n') {
            out += c;
            lineWidth = 0.f;
            lastSpace = static_cast<std::size_t>(-1);
            prev = 0;
            continue;
        }
        float advance = font.getGlyph(c, charSize, bold).advance;
        if (prev != 0) advance += font.getKerning(prev, c, charSize);
        prev = c;
        if (c == ' ') {
            lastSpace = out.getSize();
            widthAtSpace = lineWidth + advance;
        }
        if (lineWidth + advance > maxWidth && c != ' ' && lineWidth > 0.f) {
            if (lastSpace != static_cast<std::size_t>(-1)) {
                out[lastSpace] = '\n';
                lineWidth -= widthAtSpace;
                lastSpace = static_cast<std::size_t>(-1);
            } else {
                out += '\n';
                lineWidth = 0.f;
            }
        }
        out += c;
        lineWidth += advance;
    }
    return out;
}

}  // namespace counterplay::app::ui

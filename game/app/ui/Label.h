// Text that stays crisp when the window is scaled (it is rasterised at the real pixel size and
// drawn scaled back into the 1280x720 logical canvas), wraps to a width (word breaks at spaces,
// character breaks for over-long words, which also suits Korean), and can reveal a prefix for the
// typewriter. Geometry is rebuilt only when the string, size, wrap or window scale change.
#pragma once

#include <SFML/Graphics/Drawable.hpp>
#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/System/String.hpp>
#include <algorithm>
#include <cstddef>

namespace counterplay::app::ui {

class Label : public sf::Drawable {
public:
    /// Window pixels per logical pixel; the app sets it on every resize.
    static void setPixelScale(float scale);
    static float pixelScale();

    Label() = default;
    Label(const sf::Font& font, const sf::String& text, float size, sf::Color color,
          float wrapWidth = 0.f);

    void setFont(const sf::Font& font);
    void setString(const sf::String& text);
    /// Logical pixel size of the glyphs.
    void setSize(float size);
    void setColor(sf::Color color);
    /// Wrap at this logical width (0 = never).
    void setWrapWidth(float width);
    /// Extra line spacing factor (1 = the font's).
    void setLineSpacing(float factor);
    void setPosition(sf::Vector2f position);
    void setPosition(float x, float y) { setPosition({x, y}); }

    const sf::String& string() const { return source_; }
    sf::Vector2f position() const { return position_; }
    /// Logical width and height of the laid-out text (all of it, not just the revealed prefix).
    sf::Vector2f size() const;
    /// Height of one line in logical pixels.
    float lineHeight() const;
    /// Number of characters the typewriter can reveal.
    std::size_t revealLength() const;
    /// Reveal only the first `count` characters (npos = all).
    void setVisibleCount(std::size_t count);
    /// Number of characters currently revealed.
    std::size_t visibleCount() const { return std::min(visible_, revealLength()); }
    /// Logical rectangle covering the glyphs of characters [from, to) of the laid-out text,
    /// with room for accents and descenders (what a typewriter step changes on screen).
    sf::FloatRect charactersRect(std::size_t from, std::size_t to) const;

private:
    void draw(sf::RenderTarget& target, sf::RenderStates states) const override;
    void ensure() const;

    const sf::Font* font_ = nullptr;
    sf::String source_;
    float size_ = 20.f;
    sf::Color color_ = sf::Color::White;
    float wrap_ = 0.f;
    float spacing_ = 1.f;
    sf::Vector2f position_;
    std::size_t visible_ = static_cast<std::size_t>(-1);

    mutable bool dirty_ = true;
    mutable int generation_ = -1;
    mutable float scale_ = 1.f;
    mutable sf::String wrapped_;
    mutable sf::Text text_;
    mutable sf::Text measure_;  // the whole laid-out text, for charactersRect
    mutable sf::Vector2f size_cache_;
    mutable std::size_t shownCount_ = static_cast<std::size_t>(-2);
};

/// Wraps `text` to `maxWidth` pixels at `charSize` with `font`: spaces at a break become
/// newlines; a word longer than the line is split between characters.
sf::String wrapText(const sf::Font& font, unsigned charSize, const sf::String& text,
                    float maxWidth, bool bold = false);

}  // namespace counterplay::app::ui

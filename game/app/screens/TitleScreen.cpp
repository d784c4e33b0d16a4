#include "screens/TitleScreen.h"

#include "ui/RoundedRect.h"
#include "ui/Theme.h"

namespace counterplay::app {

using namespace ui;

TitleScreen::TitleScreen(Context& ctx) : Screen(ctx) {
    const sf::Font& reg = ctx.fonts.regular;
    const sf::Font& bold = ctx.fonts.bold;
    title_ = Label(bold, "Counterplay", theme::kSizeHuge, theme::kTextOnDark);
    subtitle_ = Label(bold, "", theme::kSizeHeading, theme::kGold);
    tagline_ = Label(reg, "", theme::kSizeBody, theme::kTextOnDarkMuted, 520.f);
    nameLabel_ = Label(bold, "", theme::kSizeSmall, theme::kTextOnDarkMuted);
    idLabel_ = Label(bold, "", theme::kSizeSmall, theme::kTextOnDarkMuted);
    message_ = Label(reg, "", theme::kSizeSmall, theme::kAccentHover, 520.f);
    footer_ = Label(reg, "", theme::kSizeTiny, theme::kTextOnDarkMuted);
    warning_ = Label(reg, "", theme::kSizeSmall, theme::kGold, 1100.f);
    resumeDetail_ = Label(reg, "", theme::kSizeTiny, theme::kTextOnDarkMuted, 440.f);
    name_.setup(reg, {80, 330, 440, 48}, "", 40);
    traineeId_.setup(reg, {80, 412, 440, 48}, "", 40);
    name_.setValue(utf8(ctx.settings.traineeName));
    traineeId_.setValue(utf8(ctx.settings.traineeId));
    ko_.setup(reg, "", {1020, 28, 110, 40}, ButtonStyle::Toggle, theme::kSizeSmall);
    en_.setup(reg, "", {1134, 28, 110, 40}, ButtonStyle::Toggle, theme::kSizeSmall);
    showcase_ = ctx.library.find("washed-blouse");  // the boutique makes the friendliest title
    if (showcase_ == nullptr && !ctx.library.entries().empty()) showcase_ = &ctx.library.entries().front();
    onShow();
}

void TitleScreen::onShow() {
    autosave_ = readAutosave(ctx_.paths.autosaveFile());
    resumeEntry_ = nullptr;
    if (autosave_) {
        resumeEntry_ = ctx_.library.find(autosave_->scenarioId);
        if (resumeEntry_ == nullptr) resumeEntry_ = ctx_.library.loadExtra(autosave_->scenarioPath);
        if (resumeEntry_ == nullptr) autosave_.reset();
    }
    // The roster from the results database (core); a database that cannot be read just means
    // no pick list, the name is typed as before.
    std::vector<core::RosterEntry> entries;
    if (core::ResultsStore* store = ctx_.progress.store()) {
        try {
            entries = core::roster(*store);
        } catch (const std::exception&) {
        }
    }
    picker_.setup(ctx_, std::move(entries), {80, 380}, 440);
    picker_.filter(toUtf8(name_.value()));
    relayout();
}

bool TitleScreen::capturesText() const { return name_.focused() || traineeId_.focused(); }

void TitleScreen::relayout() {
    const int focused = focus_.focusedId();
    subtitle_.setString(ctx_.tr("title.subtitle"));
    tagline_.setString(ctx_.tr("title.tagline"));
    nameLabel_.setString(ctx_.tr("title.name"));
    idLabel_.setString(ctx_.tr("title.id"));
    name_.setPlaceholder(ctx_.tr("title.name.placeholder"));
    traineeId_.setPlaceholder(ctx_.tr("title.id.placeholder"));
    footer_.setString(ctx_.tr("title.footer"));
    warning_.setString(ctx_.fonts.warning.empty() ? sf::String() : utf8(ctx_.fonts.warning));
    ko_.setText(ctx_.tr("lang.ko"));
    en_.setText(ctx_.tr("lang.en"));
    ko_.setSelected(ctx_.lang() == core::Lang::Ko);
    en_.setSelected(ctx_.lang() == core::Lang::En);

    title_.setPosition(80, 70);
    subtitle_.setPosition(84, 160);
    tagline_.setPosition(84, 198);
    nameLabel_.setPosition(82, 304);
    idLabel_.setPosition(82, 386);
    float y = 486;
    focus_.clear();
    focus_.add(&name_, kName);
    focus_.add(&traineeId_, kTraineeId);
    if (autosave_ && resumeEntry_ != nullptr) {
        const auto decisions = autosave_->snapshot.transcript.decisions.size();
        resume_.setup(ctx_.fonts.bold,
                      ctx_.trf("title.resume", {{"title", resumeEntry_->scenario->title.in(ctx_.lang())}}),
                      {80, y, 440, 52}, ButtonStyle::Primary, theme::kSizeBody);
        resumeDetail_.setString(ctx_.trf("title.resume.detail",
                                         {{"n", std::to_string(decisions)},
                                          {"name", autosave_->traineeName}}));
        resumeDetail_.setPosition(84, y + 58);
        focus_.add(&resume_, kResume);
        y += 84;
        start_.setup(ctx_.fonts.bold, ctx_.tr("title.start"), {80, y, 214, 48}, ButtonStyle::Secondary,
                     theme::kSizeBody);
    } else {
        start_.setup(ctx_.fonts.bold, ctx_.tr("title.start"), {80, y, 214, 52}, ButtonStyle::Primary,
                     theme::kSizeBody);
    }
    newTrainee_.setup(ctx_.fonts.regular, ctx_.tr("title.new"), {306, y, 214, start_.rect().height},
                      ButtonStyle::Secondary, theme::kSizeSmall);
    focus_.add(&start_, kStart);
    focus_.add(&newTrainee_, kNew);
    y += start_.rect().height + 14;
    settings_.setup(ctx_.fonts.regular, ctx_.tr("title.settings"), {80, y, 214, 40}, ButtonStyle::Ghost,
                    theme::kSizeSmall);
    quit_.setup(ctx_.fonts.regular, ctx_.tr("title.quit"), {306, y, 214, 40}, ButtonStyle::Ghost,
                theme::kSizeSmall);
    focus_.add(&settings_, kSettings);
    focus_.add(&quit_, kQuit);
    dashboard_.setup(ctx_.fonts.regular, ctx_.tr("title.dashboard"), {770, 28, 236, 40}, ButtonStyle::Ghost,
                     theme::kSizeSmall);
    focus_.add(&ko_, kKo);
    focus_.add(&en_, kEn);
    focus_.add(&dashboard_, kDashboard);
    message_.setPosition(84, y + 50);
    footer_.setPosition(80, 690);
    warning_.setPosition(80, 660);
    if (focused >= 0) focus_.focusId(focused);
    else focus_.focusId(name_.value().isEmpty() ? kName : (autosave_ ? kResume : kStart));
}

bool TitleScreen::commitTrainee() {
    const std::string name = toUtf8(name_.value());
    if (name.find_first_not_of(" \t") == std::string::npos) {
        message_.setString(ctx_.tr("title.name.required"));
        focus_.focusId(kName);
        return false;
    }
    ctx_.settings.traineeName = name;
    ctx_.settings.traineeId = toUtf8(traineeId_.value());
    saveSettings(ctx_.paths.settingsFile(), ctx_.settings);
    return true;
}

void TitleScreen::activate(int id) {
    switch (id) {
    case kName: focus_.focusId(kTraineeId); break;
    case kTraineeId:
    case kStart:
        if (commitTrainee()) ctx_.nav->goSelect();
        break;
    case kResume:
        if (autosave_ && resumeEntry_ != nullptr) {
            if (ctx_.settings.traineeName.empty()) {
                ctx_.settings.traineeName = autosave_->traineeName;
                ctx_.settings.traineeId = autosave_->traineeKey;
            }
            ctx_.nav->goPlay(*resumeEntry_, &*autosave_);
        }
        break;
    case kNew:
        name_.setValue("");
        traineeId_.setValue("");
        message_.setString(ctx_.tr("title.new.hint"));
        focus_.focusId(kName);
        break;
    case kSettings: ctx_.nav->openSettings(); break;
    case kDashboard: ctx_.nav->goDashboard(); break;
    case kQuit: ctx_.nav->quit(); break;
    case kKo:
    case kEn:
        ctx_.settings.lang = id == kKo ? core::Lang::Ko : core::Lang::En;
        ctx_.nav->applySettings();
        break;
    default: break;
    }
}

void TitleScreen::handleEvent(const sf::Event& event, sf::Vector2f mouse) {
    picker_.setActive(name_.focused());
    bool consumed = false;
    if (auto picked = picker_.handleEvent(event, mouse, consumed)) {
        // The roster names the person: name and employee id (the trainee key) together.
        name_.setValue(utf8(picked->name));
        traineeId_.setValue(utf8(picked->employeeId));
        picker_.filter(picked->name);
        message_.setString("");
        focus_.focusId(autosave_ && resumeEntry_ ? kResume : kStart);
        picker_.setActive(false);
        return;
    }
    if (consumed) return;
    const int id = focus_.handleEvent(event, mouse);
    picker_.filter(toUtf8(name_.value()));
    picker_.setActive(name_.focused());
    if (id >= 0) activate(id);
}

void TitleScreen::update(float dt, sf::Vector2f mouse) {
    appear_ = std::min(1.f, appear_ + dt * 2.f);
    focus_.update(dt, mouse);
    picker_.setActive(name_.focused());
    picker_.update(mouse);
}

void TitleScreen::draw(sf::RenderTarget& target) {
    const std::string setting = showcase_ ? showcase_->scenario->setting : "boutique";
    ctx_.art->drawBackground(target, setting, {0, 0, theme::kWidth, theme::kHeight});
    if (showcase_)
        ctx_.art->drawCustomer(target, showcase_->scenario->customer.look, "happy", "neutral", appear_,
                               ctx_.time, {930, 790}, 640);
    drawLeftScrim(target, 560, 900, 235);
    // Accent bar under the title.
    fillRounded(target, {84, 148, 90 * appear_, 5}, 2.5f, theme::kAccent);
    target.draw(title_);
    target.draw(subtitle_);
    target.draw(tagline_);
    target.draw(nameLabel_);
    target.draw(idLabel_);
    focus_.draw(target);
    if (autosave_ && resumeEntry_ != nullptr) target.draw(resumeDetail_);
    target.draw(message_);
    target.draw(footer_);
    target.draw(warning_);
    picker_.draw(target);  // over the fields below the name
}

}  // namespace counterplay::app

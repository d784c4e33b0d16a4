// What every screen shares: options, paths, settings, strings, fonts, art, scenarios, progress,
// and the navigator that switches screens.
#pragma once

#include <SFML/Graphics/RenderWindow.hpp>
#include <memory>
#include <string>

#include "Fonts.h"
#include "Progress.h"
#include "ScenarioLibrary.h"
#include "Settings.h"
#include "Strings.h"
#include "art/Art.h"
#include "counterplay/core/Clock.h"
#include "platform/Paths.h"

namespace counterplay::app {

struct AppOptions {
    int benchFrames = 0;        ///< --bench-frames N: run the frame benchmark and exit
    std::string screenshotDir;  ///< --screenshot-dir
    std::string assetsDir;      ///< --assets
    std::string scenariosDir;   ///< --scenarios
    std::string dbPath;         ///< --db (default: data dir/results.db)
    std::string lang;           ///< --lang ko|en (overrides the saved setting for this run)
    bool windowed = false;      ///< --windowed (ignore the saved fullscreen setting)
    bool dashboard = false;     ///< `counterplay dashboard`: open straight into the dashboard
    std::string editFile;       ///< `counterplay edit FILE`: open straight into the editor
};

struct Autosave;
struct DebriefData;
struct ScenarioEntry;

/// Screen switching, implemented by the App (fades between screens).
class Navigator {
public:
    virtual ~Navigator() = default;
    virtual void goTitle() = 0;
    virtual void goSelect() = 0;
    /// Starts a scenario, or resumes one when `resume` is given.
    virtual void goPlay(const ScenarioEntry& entry, const Autosave* resume) = 0;
    virtual void goDebrief(std::unique_ptr<DebriefData> data) = 0;
    /// Opens the manager's dashboard (replacing every screen).
    virtual void goDashboard() = 0;
    /// Opens the scenario editor on `path` (replacing every screen); an empty path lists the
    /// library's scenarios to pick one.
    virtual void goEditor(const std::string& path) = 0;
    /// The editor's "Play from here": plays `entry` (a trial) on top of the editor, which stays
    /// alive underneath with its file, unsaved edits, undo history, selection and view.
    virtual void goPlayFromEditor(std::shared_ptr<const ScenarioEntry> entry) = 0;
    /// Leaves a trial play or its debrief and shows the editor below it again.
    virtual void returnToEditor() = 0;
    /// Opens the settings screen on top of the current one.
    virtual void openSettings() = 0;
    /// Closes the screen on top (settings) and returns to the one below.
    virtual void closeTop() = 0;
    /// Saves settings and re-lays out every screen (language, text size, fullscreen).
    virtual void applySettings() = 0;
    virtual void quit() = 0;
};

struct Context {
    AppOptions options;
    Paths paths;
    Settings settings;
    Strings strings;
    Fonts fonts;
    std::unique_ptr<art::ArtLibrary> art;
    ScenarioLibrary library;
    Progress progress;
    core::SteadyClock steadyClock;
    Navigator* nav = nullptr;
    sf::RenderWindow* window = nullptr;
    float time = 0.f;  ///< seconds since start (idle animations)
    std::string lastScenarioId;  ///< the scenario played last (the select screen focuses it)

    core::Lang lang() const { return settings.lang; }
    /// A UI string as UTF-8 / as sf::String.
    const std::string& str(const std::string& key) const { return strings.get(key, settings.lang); }
    sf::String tr(const std::string& key) const { return utf8(str(key)); }
    sf::String trf(const std::string& key,
                   std::initializer_list<std::pair<const char*, std::string>> args) const {
        return utf8(strings.format(key, settings.lang, args));
    }
    /// Scenario text in the current language.
    sf::String text(const core::Text& t) const { return utf8(t.in(settings.lang)); }
    std::string traineeKey() const { return traineeKeyFor(settings.traineeName, settings.traineeId); }
};

}  // namespace counterplay::app

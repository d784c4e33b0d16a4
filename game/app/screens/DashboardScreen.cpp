#include "screens/DashboardScreen.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>

#include "counterplay/core/CohortReport.h"
#include "counterplay/core/DataDir.h"
#include "counterplay/core/LrsSettings.h"
#include "platform/Log.h"
#include "ui/Theme.h"

namespace counterplay::app {
namespace {

std::string shortDate(std::int64_t ms) {
    const std::string s = core::localDateTime(ms);  // "YYYY-MM-DD HH:MM"
    return s;
}

template <std::size_t N>
void copyTo(std::array<char, N>& buf, const std::string& s) {
    const std::size_t n = std::min(s.size(), N - 1);
    std::copy_n(s.data(), n, buf.data());
    buf[n] = '\0';
}

}  // namespace

ImVec4 heatColour(double percent) {
    if (percent >= 70) return {0.13f, 0.52f, 0.30f, 1.f};
    if (percent >= 40) return {0.78f, 0.53f, 0.09f, 1.f};
    return {0.72f, 0.19f, 0.19f, 1.f};
}

std::string ellipsised(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    static const std::string dots = "\xE2\x80\xA6";  // …
    std::string cut = text;
    while (!cut.empty() && ImGui::CalcTextSize((cut + dots).c_str()).x > width) {
        cut.pop_back();  // one UTF-8 code point: its continuation bytes, then its lead byte
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80)
            cut.pop_back();
        if (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0xC0) cut.pop_back();
    }
    while (!cut.empty() && cut.back() == ' ') cut.pop_back();
    return cut + dots;
}

DashboardScreen::DashboardScreen(Context& ctx)
    : Screen(ctx),
      model_(ctx.progress.path().empty() ? core::resultsDbPath(ctx.options.dbPath) : ctx.progress.path(),
             ctx.library) {
    query_.minGroupSize = core::kDefaultMinGroupSize;
    coachStore();  // reads the saved privacy threshold into query_
    if (!ctx.library.entries().empty()) query_.scenarioId = ctx.library.entries().front().scenario->id;
    if (const ScenarioEntry* e = ctx.library.find("washed-blouse")) query_.scenarioId = e->scenario->id;
    std::string error;
    if (auto lrs = core::loadLrsSettings(error)) {
        copyTo(lrsUrl_, lrs->endpoint);
        copyTo(lrsKey_, lrs->key);
        copyTo(lrsSecret_, lrs->secret);
    }
    // Start where a manager keeps files (home), not in the program's own data folder, whose
    // keyring and settings files would be listed as JSON files to import.
    const char* home = std::getenv("HOME");
    const std::string start = home && *home ? std::string(home) : core::dataDir();
    copyTo(importPath_, start);
    copyTo(exportPath_, start + "/counterplay-export.csv");
    model_.request(query_);
    logLine("dashboard: opening " + model_.dbPath());
}

DashboardScreen::~DashboardScreen() {
    if (jobThread_.joinable()) jobThread_.join();
}

std::string DashboardScreen::id() const { return lastId_; }

const char* DashboardScreen::T(const char* key) const { return ctx_.str(key).c_str(); }

std::string DashboardScreen::F(const char* key,
                               std::initializer_list<std::pair<const char*, std::string>> args) const {
    return ctx_.strings.format(key, ctx_.lang(), args);
}

void DashboardScreen::handleEvent(const sf::Event& event, sf::Vector2f) {
    // ImGui has the keyboard and mouse; Escape with nothing focused goes back to the title.
    if (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::Escape) {
        if (drill_) drill_.reset();
        else if (!escapeUsed_ && !ctx_.options.dashboard) ctx_.nav->goTitle();
        escapeUsed_ = false;
    }
}

void DashboardScreen::update(float dt, sf::Vector2f) {
    time_ += dt;
    pollJob();
}

void DashboardScreen::draw(sf::RenderTarget& target) { target.clear(theme::kInk); }

std::string DashboardScreen::debugInfo() const {
    const auto v = model_.views();
    return "dashboard: " + std::to_string(v ? v->selectedIds.size() : 0) + " attempts selected, views " +
           std::to_string(v ? static_cast<int>(v->computeMs) : 0) + " ms, load " +
           std::to_string(static_cast<int>(model_.loadMs())) + " ms";
}

std::string DashboardScreen::traineeLabel(const std::string& key, const std::string& name) const {
    return key == name ? name : name + "  (" + key + ")";
}

std::string DashboardScreen::scenarioTitle(const std::string& id) const {
    if (const ScenarioEntry* e = ctx_.library.find(id)) return e->scenario->title.in(ctx_.lang());
    if (const auto c = model_.cohort())
        for (const core::CohortScenario& s : c->scenarios())
            if (s.id == id) return s.title.in(ctx_.lang()).empty() ? id : s.title.in(ctx_.lang());
    return id;
}

std::string DashboardScreen::principleName(const std::string& id) const {
    return ctx_.library.principleName(id, ctx_.lang());
}

std::vector<int> DashboardScreen::catalogueOrder(const std::vector<std::string>& ids) const {
    // The core already gives the heatmap's columns in catalogue order (the model passes the
    // catalogue as DashboardOptions::principleOrder), so the columns are drawn as they come.
    std::vector<int> order(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) order[i] = static_cast<int>(i);
    return order;
}

void DashboardScreen::selectTrainee(const std::string& key) {
    query_.traineeKey = key;
    model_.request(query_);
}

void DashboardScreen::attemptRow(std::int64_t attemptId) {
    const auto cohort = model_.cohort();
    const core::CohortAttempt* a = model_.attempt(attemptId);
    if (!cohort || !a) return;
    std::string why;
    const bool altered = model_.altered(attemptId, &why);
    const core::CohortTrainee& t = cohort->trainees()[a->trainee];
    std::string text = "#" + std::to_string(a->id) + "  " + shortDate(a->endedAtMs) + "  " +
                       traineeLabel(t.key, t.name) + "  " +
                       scenarioTitle(cohort->scenarios()[a->scenario].id) + "  " +
                       std::to_string(a->percent) + "%  " +
                       (a->passed ? T("dash.passed") : T("dash.failed"));
    if (!a->originStore.empty()) text += "  [" + a->originStore + "]";
    if (altered) text += "  " + std::string(T("dash.altered"));
    if (altered) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.f, 0.36f, 0.36f, 1.f));
    ImGui::PushID(static_cast<int>(attemptId));
    if (ImGui::Selectable(text.c_str(), drill_ && drill_->id == attemptId)) openAttempt(attemptId);
    ImGui::PopID();
    if (altered) {
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", why.c_str());
    }
}

void DashboardScreen::buildImGui(float dt) {
    ++frames_;
    worstFrameMs_ = std::max(worstFrameMs_ * 0.995f, dt * 1000.f);
    if (!unlocked_ && !drawGate()) return;  // the cohort loads meanwhile
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.f);
    ImGui::Begin("##dashboard", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar();
    drawTopBar();
    const auto views = model_.views();
    if (views && !firstViewsLogged_) {
        firstViewsLogged_ = true;
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - opened_);
        logLine("dashboard: first views on screen " + std::to_string(ms.count()) + " ms after opening");
    }
    if (model_.state() == DashboardModel::State::Failed && !model_.cohort()) {
        ImGui::TextColored({1.f, 0.4f, 0.4f, 1.f}, "%s", F("dash.load-failed", {{"why", model_.error()}}).c_str());
    } else if (!views) {
        ImGui::TextUnformatted(T("dash.loading"));
        ImGui::ProgressBar(-1.f * time_, {-1, 0}, T("dash.loading"));
    } else {
        drawFilters();
        ImGui::Separator();
        if (ImGui::BeginTabBar("tabs")) {
            struct TabDef {
                Tab tab;
                const char* key;
                const char* idName;
            };
            const TabDef tabs[] = {{Tab::Team, "dash.tab.team", "team"},
                                   {Tab::Heatmap, "dash.tab.heatmap", "heatmap"},
                                   {Tab::Trends, "dash.tab.trends", "trends"},
                                   {Tab::Decisions, "dash.tab.decisions", "decisions"},
                                   {Tab::Practise, "dash.tab.practise", "practise"},
                                   {Tab::Coaching, "dash.tab.coaching", "coaching"},
                                   {Tab::Actions, "dash.tab.actions", "actions"}};
            for (const TabDef& d : tabs) {
                const std::string label = std::string(T(d.key)) + "###" + d.idName;
                const ImGuiTabItemFlags flags =
                    switchTo_ && *switchTo_ == d.tab ? ImGuiTabItemFlags_SetSelected : 0;
                if (ImGui::BeginTabItem(label.c_str(), nullptr, flags)) {
                    if (tab_ != d.tab) logLine(std::string("dashboard: tab ") + d.idName);
                    tab_ = d.tab;
                    lastId_ = std::string("dashboard-") + d.idName;
                    ImGui::BeginChild("tabbody");
                    // The views of trainees say so when the filters leave nobody, instead of
                    // an empty table; coaching, actions and the decisions graph still work.
                    const bool perTrainee = d.tab == Tab::Team || d.tab == Tab::Heatmap ||
                                            d.tab == Tab::Trends || d.tab == Tab::Practise;
                    if (perTrainee && drawNoMatch(*views)) {
                    } else
                        switch (d.tab) {
                            case Tab::Team:
                                drawTeam(*views);
                                break;
                            case Tab::Heatmap:
                                drawHeatmap(*views);
                                break;
                            case Tab::Trends:
                                drawTrends(*views);
                                break;
                            case Tab::Decisions:
                                drawDecisions(*views);
                                break;
                            case Tab::Practise:
                                drawPractise(*views);
                                break;
                            case Tab::Coaching:
                                drawCoaching(*views);
                                break;
                            case Tab::Actions:
                                drawActions(*views);
                                break;
                        }
                    ImGui::EndChild();
                    ImGui::EndTabItem();
                }
            }
            switchTo_.reset();
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
    // Escape closes the drill-down (ImGui keeps the keyboard while its windows have focus, so
    // handleEvent does not see it); not while a text field is being typed in.
    if (drill_ && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !ImGui::GetIO().WantTextInput) {
        drill_.reset();
        escapeUsed_ = true;
    }
    drawAttemptWindow();
}

void DashboardScreen::drawTopBar() {
    ImGui::TextColored({0.96f, 0.76f, 0.35f, 1.f}, "%s", T("dash.title"));
    ImGui::SameLine();
    const auto views = model_.views();
    const auto cohort = model_.cohort();
    if (cohort) {
        // Both counts are of the selection: the trainees with an attempt in the filters.
        ImGui::TextDisabled(
            "%s", F("dash.summary", {{"n", std::to_string(views ? views->selectedIds.size() : 0)},
                                     {"total", std::to_string(cohort->attempts().size())},
                                     {"trainees", std::to_string(views ? views->team.size() : 0)}})
                      .c_str());
    }
    ImGui::SameLine();
    if (model_.computing() || model_.state() == DashboardModel::State::Loading)
        ImGui::TextColored({0.5f, 0.8f, 1.f, 1.f}, "%s", T("dash.updating"));
    const DashboardModel::IntegrityProgress seals = model_.integrity();
    ImGui::SameLine();
    if (seals.total > 0) {
        const std::string s = seals.done ? F("dash.seals.done", {{"n", std::to_string(seals.total)},
                                                                 {"altered", std::to_string(seals.altered)}})
                                         : F("dash.seals.running", {{"n", std::to_string(seals.checked)},
                                                                    {"total", std::to_string(seals.total)},
                                                                    {"altered", std::to_string(seals.altered)}});
        if (seals.altered > 0) {
            ImGui::TextColored({1.f, 0.36f, 0.36f, 1.f}, "%s", s.c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("dash.seals.left-out"));
        } else {
            ImGui::TextDisabled("%s", s.c_str());
        }
    }
    // Right side: language and back.
    const float right = ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine(right - 250.f);
    if (ImGui::SmallButton(T("lang.ko"))) {
        ctx_.settings.lang = core::Lang::Ko;
        ctx_.nav->applySettings();
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(T("lang.en"))) {
        ctx_.settings.lang = core::Lang::En;
        ctx_.nav->applySettings();
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(ctx_.options.dashboard ? T("title.quit") : T("dash.back"))) {
        if (ctx_.options.dashboard) ctx_.nav->quit();
        else ctx_.nav->goTitle();
    }
}

void DashboardScreen::drawFilters() {
    const auto cohort = model_.cohort();
    if (!cohort) return;
    bool changed = false;
    ImGui::PushItemWidth(150.f);
    changed |= ImGui::InputTextWithHint("##since", T("dash.filter.since"), since_.data(), since_.size());
    ImGui::SameLine();
    changed |= ImGui::InputTextWithHint("##until", T("dash.filter.until"), until_.data(), until_.size());
    ImGui::PopItemWidth();
    ImGui::SameLine();
    // Scenario.
    std::vector<std::string> scen = {T("dash.filter.all-scenarios")};
    for (const core::CohortScenario& s : cohort->scenarios()) scen.push_back(scenarioTitle(s.id));
    scenarioPick_ = std::clamp(scenarioPick_, 0, static_cast<int>(scen.size()) - 1);
    ImGui::SetNextItemWidth(180.f);
    if (ImGui::BeginCombo("##scenario", scen[scenarioPick_].c_str())) {
        for (int i = 0; i < static_cast<int>(scen.size()); ++i)
            if (ImGui::Selectable(scen[i].c_str(), i == scenarioPick_)) {
                scenarioPick_ = i;
                changed = true;
            }
        ImGui::EndCombo();
    }
    // Store and machine.
    auto pickList = [&](const char* id, const char* allKey, const std::vector<std::string>& values, int& pick) {
        ImGui::SameLine();
        std::vector<std::string> items = {T(allKey)};
        items.insert(items.end(), values.begin(), values.end());
        pick = std::clamp(pick, 0, static_cast<int>(items.size()) - 1);
        ImGui::SetNextItemWidth(130.f);
        if (ImGui::BeginCombo(id, items[pick].c_str())) {
            for (int i = 0; i < static_cast<int>(items.size()); ++i)
                if (ImGui::Selectable(items[i].c_str(), i == pick)) {
                    pick = i;
                    changed = true;
                }
            ImGui::EndCombo();
        }
    };
    pickList("##store", "dash.filter.all-stores", model_.stores(), storePick_);
    pickList("##machine", "dash.filter.all-machines", model_.machines(), machinePick_);
    ImGui::SameLine();
    const char* outcomes[] = {T("dash.filter.any"), T("dash.passed"), T("dash.failed")};
    ImGui::SetNextItemWidth(120.f);
    changed |= ImGui::Combo("##outcome", &outcomePick_, outcomes, 3);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(170.f);
    changed |= ImGui::InputTextWithHint("##search", T("dash.filter.search"), search_.data(), search_.size());
    ImGui::SameLine();
    if (ImGui::SmallButton(T("dash.filter.clear"))) {
        since_[0] = until_[0] = search_[0] = '\0';
        scenarioPick_ = storePick_ = machinePick_ = outcomePick_ = 0;
        changed = true;
    }
    if (changed) applyFilters();
    // The line for a filter's error is always there (blank when none), so the tab row and the
    // tables below never move when a message comes or goes.
    if (filterError_.empty())
        ImGui::TextUnformatted(" ");
    else
        ImGui::TextColored({1.f, 0.36f, 0.36f, 1.f}, "%s",
                           ellipsised(filterError_, ImGui::GetContentRegionAvail().x).c_str());
    if (!filterError_.empty() && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", filterError_.c_str());
}

bool DashboardScreen::drawNoMatch(const DashboardViews& v) {
    const auto cohort = model_.cohort();
    if (!v.team.empty() || !cohort || cohort->attempts().empty()) {
        noMatchLogged_.clear();
        return false;
    }
    // The views are of the filters now in the bar (a suggestion is for the search typed).
    const bool current = v.query.filter.nameSearch == query_.filter.nameSearch;
    const std::string suggestion = current ? searchSuggestion_ : std::string();
    const std::string logged = v.query.filter.nameSearch + "\n" + suggestion;
    if (logged != noMatchLogged_) {
        noMatchLogged_ = logged;
        logLine("dashboard: no trainee matches the filters" +
                (suggestion.empty() ? std::string() : ", did you mean '" + suggestion + "'"));
    }
    ImGui::Spacing();
    ImGui::TextUnformatted(T("dash.no-match"));
    if (!suggestion.empty()) {
        if (ImGui::Button(F("dash.no-match.suggest", {{"name", suggestion}}).c_str())) {
            copyTo(search_, suggestion);
            logLine("dashboard: search set to the suggestion '" + suggestion + "'");
            applyFilters();
        }
        ImGui::SameLine();
    }
    if (ImGui::Button(T("dash.filter.clear"))) {
        since_[0] = until_[0] = search_[0] = '\0';
        scenarioPick_ = storePick_ = machinePick_ = outcomePick_ = 0;
        applyFilters();
    }
    return true;
}

void DashboardScreen::applyFilters() {
    const auto cohort = model_.cohort();
    if (!cohort) return;
    core::DashboardFilter f;
    filterError_.clear();
    // The dates: when one cannot be read, or 'from' is after 'to', neither is applied (the other
    // filters are) and the bar says why in red, instead of an empty table with no hint.
    std::optional<std::int64_t> sinceMs, untilMs;
    bool datesOk = true;
    std::int64_t ms = 0;
    const std::string since = since_.data(), until = until_.data();
    if (!since.empty()) {
        if (core::parseDateMs(since, false, ms)) {
            sinceMs = ms;
        } else {
            filterError_ = F("dash.filter.bad-date", {{"text", since}});
            datesOk = false;
        }
    }
    if (!until.empty()) {
        if (core::parseDateMs(until, true, ms)) {
            untilMs = ms;
        } else {
            filterError_ = F("dash.filter.bad-date", {{"text", until}});
            datesOk = false;
        }
    }
    if (datesOk && sinceMs && untilMs && *sinceMs > *untilMs) {
        filterError_ = F("dash.filter.reversed", {{"from", since}, {"to", until}});
        datesOk = false;
    }
    if (datesOk) {
        f.sinceMs = sinceMs;
        f.untilMs = untilMs;
    } else {
        logLine("dashboard: dates not applied: " + filterError_);
    }
    if (scenarioPick_ > 0 && scenarioPick_ <= static_cast<int>(cohort->scenarios().size()))
        f.scenarioIds = {cohort->scenarios()[scenarioPick_ - 1].id};
    const auto stores = model_.stores(), machines = model_.machines();
    if (storePick_ > 0 && storePick_ <= static_cast<int>(stores.size())) f.originStore = stores[storePick_ - 1];
    if (machinePick_ > 0 && machinePick_ <= static_cast<int>(machines.size()))
        f.originMachine = machines[machinePick_ - 1];
    f.outcome = outcomePick_ == 1   ? core::DashboardFilter::Outcome::Passed
                : outcomePick_ == 2 ? core::DashboardFilter::Outcome::Failed
                                    : core::DashboardFilter::Outcome::Any;
    f.nameSearch = search_.data();
    searchSuggestion_ = cohort->suggestTrainee(f.nameSearch);
    query_.filter = f;
    cell_.reset();
    model_.request(query_);
}

}  // namespace counterplay::app

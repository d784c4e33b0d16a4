// The dashboard's manager access and coaching (core Coaching.h, Roster.h, ManagerAccess.h): the
// passphrase gate (set on first open; a pending wait counts down from the first frame, and a
// try typed during it is kept and checked when it ends), coaching notes pinned to one
// decision of an attempt or to the whole attempt (in the drill-down), sign-offs "ready for the
// floor" per trainee and principle or for the whole set, the roster, and the privacy threshold.
// The app only draws and forwards: storing, checking and slowing down are the core's.
#include <imgui.h>

#include <algorithm>

#include "counterplay/core/CohortReport.h"
#include "counterplay/core/DataDir.h"
#include "platform/Log.h"
#include "screens/DashboardScreen.h"

namespace counterplay::app {

namespace {
const ImVec4 kRed{1.f, 0.45f, 0.42f, 1.f};
const ImVec4 kGold{0.96f, 0.76f, 0.35f, 1.f};
}  // namespace

core::ResultsStore* DashboardScreen::coachStore() {
    if (!coachStore_ && coachStoreError_.empty()) {
        coachStore_ = core::ResultsStore::open(model_.dbPath(), coachStoreError_);
        if (coachStore_) {
            try {
                query_.minGroupSize = core::minGroupSize(*coachStore_);
            } catch (const std::exception& e) {
                coachStoreError_ = e.what();
            }
        }
    }
    return coachStore_.get();
}

bool DashboardScreen::drawGate() {
    if (unlocked_) return true;
    const std::int64_t now = core::nowEpochMs();
    if (!passphrase_) {
        passphrase_ = std::make_unique<core::ManagerPassphrase>(core::managerPassphrasePath());
        // A wait left by wrong tries before a restart is in the file: count it down from the
        // first frame, not only after the next try.
        if (passphrase_->isSet()) {
            const std::int64_t wait = passphrase_->waitRemainingMs(now);
            gateWaitUntil_ = now + wait;
            logLine("dashboard: gate opened, wait " + std::to_string(wait) + " ms");
        }
    }
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos({io.DisplaySize.x / 2, io.DisplaySize.y / 2}, ImGuiCond_Always, {0.5f, 0.5f});
    ImGui::SetNextWindowSize({560, 0});
    ImGui::Begin("###gate", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings);
    lastId_ = "dashboard-gate";
    const bool first = !passphrase_->isSet();
    const bool waiting = !first && now < gateWaitUntil_;
    ImGui::TextColored(kGold, "%s", T(first ? "dash.gate.set-title" : "dash.gate.title"));
    ImGui::TextWrapped("%s", T(first ? "dash.gate.set-hint" : "dash.gate.hint"));
    ImGui::Spacing();
    if (!gateFocused_) {
        ImGui::SetKeyboardFocusHere();
        gateFocused_ = true;
    }
    // The one message line, and its key in the log when it changes (for the app test).
    auto say = [&](const std::string& key) {
        if (key != gateMessageKey_)
            logLine("dashboard: gate message " + (key.empty() ? std::string("cleared") : key));
        gateMessageKey_ = key;
        gateMessage_ =
            key.empty() ? std::string()
            : key == "dash.gate.short"
                ? F("dash.gate.short", {{"n", std::to_string(core::ManagerPassphrase::kMinLength)}})
                : std::string(T(key.c_str()));
    };
    const std::string before = pass_.data(), before2 = pass2_.data();
    // The fields' ids change when a try clears them: an active ImGui text field keeps its own
    // copy of the text and would write the old try back (and hide the message about it).
    const std::string passId = "##pass" + std::to_string(gateFieldGen_);
    const std::string pass2Id = "##pass2-" + std::to_string(gateFieldGen_);
    bool submit = ImGui::InputTextWithHint(
        passId.c_str(), T("dash.gate.passphrase"), pass_.data(), pass_.size(),
        ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    const bool leftFirst = ImGui::IsItemDeactivated();
    if (before != pass_.data()) {
        // Typing starts a new try: the message about the last one (or a queued one) is stale.
        say({});
        gatePending_ = false;
    }
    if (first) {
        // Setting it: the length is checked first (when the first field is left, e.g. by Tab),
        // and the two are compared only once the second has been typed in.
        if (leftFirst && pass_[0] != '\0' && !core::ManagerPassphrase::longEnough(pass_.data()))
            say("dash.gate.short");
        if (gateFocusConfirm_) {
            ImGui::SetKeyboardFocusHere();
            gateFocusConfirm_ = false;
        }
        submit |= ImGui::InputTextWithHint(
            pass2Id.c_str(), T("dash.gate.repeat"), pass2_.data(), pass2_.size(),
            ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
        if (before2 != pass2_.data()) {
            gateConfirmTyped_ = true;
            // Still say "too short" while the second is typed; any other message is stale.
            const bool shortFirst =
                pass_[0] != '\0' && !core::ManagerPassphrase::longEnough(pass_.data());
            say(shortFirst ? "dash.gate.short" : "");
        }
    }
    ImGui::BeginDisabled(waiting);  // during a wait the button is off; Enter queues the try instead
    submit |= ImGui::Button(T(first ? "dash.gate.set" : "dash.gate.open"));
    ImGui::EndDisabled();
    if (submit && waiting) {
        // Keep what was typed and check it the moment the wait ends: never drop a try.
        gatePending_ = pass_[0] != '\0';
        if (gatePending_) {
            say("dash.gate.queued");
            logLine("dashboard: passphrase try queued (" + std::to_string(gateWaitUntil_ - now) +
                    " ms left)");
        }
        submit = false;
        gateFocused_ = false;
    } else if (!waiting && gatePending_) {
        submit = true;
        gatePending_ = false;
        logLine("dashboard: queued passphrase try submitted");
    }
    if (submit) {
        const std::string p = pass_.data();
        bool clear = true;
        gateFocused_ = false;  // back to the first field, unless said otherwise below
        if (first) {
            if (!core::ManagerPassphrase::longEnough(p)) {
                say("dash.gate.short");
            } else if (!gateConfirmTyped_ || pass2_[0] == '\0') {
                // Enter in the first field: the second is still to type. Keep the first.
                say("dash.gate.confirm");
                clear = false;
                gateFocused_ = true;
                gateFocusConfirm_ = true;
            } else if (p != std::string(pass2_.data())) {
                say("dash.gate.mismatch");
            } else {
                try {
                    passphrase_->set(p);
                    unlocked_ = true;
                    logLine("dashboard: manager passphrase set");
                } catch (const std::exception& e) {
                    say("dash.gate.save-failed");
                    gateMessage_ = F("dash.gate.save-failed", {{"why", e.what()}});
                    logLine(std::string("dashboard: passphrase not saved: ") + e.what());
                }
            }
        } else {
            const core::ManagerPassphrase::Check c = passphrase_->check(p, now);
            if (c.ok) {
                unlocked_ = true;
                logLine("dashboard: unlocked");
            } else if (c.waitMs > 0) {
                // Refused unchecked: a wait runs that this window did not know of (another
                // window's wrong try). Show it and keep the try for its end.
                gateWaitUntil_ = now + c.waitMs;
                gatePending_ = true;
                clear = false;
                say("dash.gate.queued");
                logLine("dashboard: passphrase try queued (" + std::to_string(c.waitMs) +
                        " ms left)");
            } else {
                gateWaitUntil_ = now + c.retryAfterMs;
                say("dash.gate.wrong");
                logLine("dashboard: wrong passphrase (wait " + std::to_string(c.retryAfterMs) +
                        " ms)");
            }
        }
        if (clear) {
            pass_.fill('\0');
            pass2_.fill('\0');
            gateConfirmTyped_ = false;
            ++gateFieldGen_;
        }
    }
    // The message lines are always there (blank when there is nothing to say), so the fields
    // and the button never move when a message comes or goes: one line for the message, and
    // when a passphrase is set a second one for the countdown.
    auto reservedLine = [](const std::string& text) {
        if (text.empty())
            ImGui::TextUnformatted(" ");
        else
            ImGui::TextColored(kRed, "%s", text.c_str());
    };
    reservedLine(gateMessage_);
    if (!first)
        reservedLine(
            now < gateWaitUntil_
                ? F("dash.gate.wait", {{"s", std::to_string((gateWaitUntil_ - now + 999) / 1000)}})
                : std::string());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", T("dash.gate.protects"));  // long: wrap, never clip
    ImGui::PopStyleColor();
    ImGui::End();
    return unlocked_;
}

void DashboardScreen::drawNotes(const core::StoredAttempt& attempt) {
    core::ResultsStore* store = coachStore();
    if (!store) {
        ImGui::TextColored(kRed, "%s", coachStoreError_.c_str());
        return;
    }
    const std::int64_t id = attempt.summary.id;
    std::vector<core::CoachingNote> notes;
    try {
        notes = core::notesForAttempt(*store, id);
    } catch (const std::exception& e) {
        ImGui::TextColored(kRed, "%s", e.what());
    }
    const auto& decisions = attempt.scorecard.decisions;
    auto pinLabel = [&](int decision) {
        if (decision < 0 || decision >= static_cast<int>(decisions.size())) return std::string(T("dash.note.whole"));
        const std::string choice = decisions[decision].timeout ? T("dash.timeout")
                                                               : decisions[decision].choiceText.in(ctx_.lang());
        return F("dash.note.decision", {{"n", std::to_string(decision + 1)}, {"choice", choice}});
    };
    ImGui::TextUnformatted(T("dash.note.new"));
    noteDecision_ = std::clamp(noteDecision_, -1, static_cast<int>(decisions.size()) - 1);
    // The list stays inside the dialog: no wider than the room left of the combo's left edge,
    // long choices cut with "…" and shown whole in a tooltip.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float room = ImGui::GetContentRegionAvail().x;
    const float comboWidth = std::min(460.f, room * 0.6f);
    const std::string picked = pinLabel(noteDecision_);
    ImGui::SetNextItemWidth(comboWidth);
    const float listHeight = (ImGui::GetFontSize() + style.ItemSpacing.y) * 8 -
                             style.ItemSpacing.y + style.WindowPadding.y * 2;
    ImGui::SetNextWindowSizeConstraints({comboWidth, 0}, {room, listHeight});
    const bool open = ImGui::BeginCombo(
        "##pin", ellipsised(picked, comboWidth - ImGui::GetFrameHeight() - style.FramePadding.x * 2)
                     .c_str());
    if (!open && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", picked.c_str());
    if (open) {
        const float itemWidth = room - style.WindowPadding.x * 2 - style.ScrollbarSize;
        for (int d = -1; d < static_cast<int>(decisions.size()); ++d) {
            const std::string full = pinLabel(d);
            const std::string shown = ellipsised(full, itemWidth);
            if (ImGui::Selectable((shown + "##pin" + std::to_string(d)).c_str(),
                                  d == noteDecision_))
                noteDecision_ = d;
            if (shown != full && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", full.c_str());
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##author", T("dash.note.author"), manager_.data(), manager_.size());
    ImGui::InputTextMultiline("##notetext", noteText_.data(), noteText_.size(), ImVec2(-1, 80));
    if (ImGui::Button(T("dash.note.add")) && noteText_[0] != '\0') {
        core::CoachingNote n;
        n.attemptId = id;
        n.decisionIndex = noteDecision_;
        n.author = manager_[0] ? manager_.data() : T("dash.note.manager");
        n.text = noteText_.data();
        n.createdAtMs = core::nowEpochMs();
        try {
            core::addNote(*store, n);
            noteText_.fill('\0');
            noteMessage_.clear();
            // Decisions are numbered from 1 in the log, as on screen (the store keeps the index).
            logLine("dashboard: note added to attempt " + std::to_string(id) +
                    (n.decisionIndex < 0 ? std::string(" whole attempt")
                                         : " decision " + std::to_string(n.decisionIndex + 1)));
        } catch (const std::exception& e) {
            noteMessage_ = e.what();
        }
    }
    if (!noteMessage_.empty()) ImGui::TextColored(kRed, "%s", noteMessage_.c_str());
    ImGui::Separator();
    if (notes.empty()) ImGui::TextDisabled("%s", T("dash.note.none"));
    for (const core::CoachingNote& n : notes) {
        ImGui::PushID(static_cast<int>(n.id));
        // Wrapped: a long choice in the pin label ran off the drill-down's right edge.
        ImGui::PushStyleColor(ImGuiCol_Text, kGold);
        ImGui::TextWrapped("%s · %s · %s", n.author.c_str(),
                           core::localDateTime(n.createdAtMs).c_str(),
                           pinLabel(n.decisionIndex).c_str());
        ImGui::PopStyleColor();
        ImGui::TextWrapped("%s", n.text.c_str());
        if (ImGui::SmallButton(T("dash.note.delete"))) {
            try {
                core::deleteNote(*store, n.id);
            } catch (const std::exception& e) {
                noteMessage_ = e.what();
            }
        }
        ImGui::Separator();
        ImGui::PopID();
    }
}

void DashboardScreen::drawCoaching(const DashboardViews& v) {
    core::ResultsStore* store = coachStore();
    if (!store) {
        ImGui::TextColored(kRed, "%s", coachStoreError_.c_str());
        return;
    }
    // --- Sign-off -----------------------------------------------------------------------------
    ImGui::TextColored(kGold, "%s", T("dash.sign.title"));
    if (query_.traineeKey.empty()) {
        ImGui::TextDisabled("%s", T("dash.sign.pick"));
    } else {
        std::string name = query_.traineeKey;
        for (const core::TeamRow& r : v.team)
            if (r.key == query_.traineeKey) name = traineeLabel(r.key, r.name);
        ImGui::Text("%s", name.c_str());
        std::vector<std::string> principles = {""};  // the whole set, then the catalogue's order
        for (int i : catalogueOrder(v.heatmap.principleIds))
            principles.push_back(v.heatmap.principleIds[i]);
        signPrinciple_ = std::clamp(signPrinciple_, 0, static_cast<int>(principles.size()) - 1);
        auto label = [&](int i) { return i == 0 ? std::string(T("dash.sign.whole")) : principleName(principles[i]); };
        ImGui::SetNextItemWidth(300.f);
        if (ImGui::BeginCombo("##signprinciple", label(signPrinciple_).c_str())) {
            for (int i = 0; i < static_cast<int>(principles.size()); ++i)
                if (ImGui::Selectable(label(i).c_str(), i == signPrinciple_)) signPrinciple_ = i;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(200.f);
        ImGui::InputTextWithHint("##signmanager", T("dash.note.author"), manager_.data(), manager_.size());
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-150.f);
        ImGui::InputTextWithHint("##signnote", T("dash.sign.note"), signNote_.data(), signNote_.size());
        ImGui::SameLine();
        if (ImGui::Button(T("dash.sign.run"))) {
            core::SignOff s;
            s.traineeKey = query_.traineeKey;
            s.principleId = principles[signPrinciple_];
            s.manager = manager_[0] ? manager_.data() : T("dash.note.manager");
            s.signedAtMs = core::nowEpochMs();
            s.note = signNote_.data();
            try {
                core::addSignOff(*store, s);
                signNote_.fill('\0');
                logLine("dashboard: signed off " + s.traineeKey + " " + (s.principleId.empty() ? "(whole set)" : s.principleId));
            } catch (const std::exception& e) {
                coachMessage_ = e.what();
            }
        }
        std::vector<core::SignOff> list;
        try {
            list = core::signOffs(*store, query_.traineeKey);
        } catch (const std::exception& e) {
            coachMessage_ = e.what();
        }
        for (const core::SignOff& s : list) {
            ImGui::PushID(static_cast<int>(s.id));
            const std::string what = s.principleId.empty() ? T("dash.sign.whole") : principleName(s.principleId);
            const std::string line = F("dash.sign.line", {{"what", what}, {"manager", s.manager},
                                                          {"date", core::localDateTime(s.signedAtMs)}}) +
                                     (s.note.empty() ? "" : " · " + s.note);
            if (s.revoked) {
                ImGui::TextDisabled("%s %s", line.c_str(), T("dash.sign.revoked"));
            } else {
                ImGui::TextColored({0.45f, 0.9f, 0.55f, 1.f}, "%s", line.c_str());
                ImGui::SameLine();
                if (ImGui::SmallButton(T("dash.sign.revoke"))) {
                    try {
                        core::revokeSignOff(*store, s.id, manager_[0] ? manager_.data() : T("dash.note.manager"));
                    } catch (const std::exception& e) {
                        coachMessage_ = e.what();
                    }
                }
            }
            ImGui::PopID();
        }
    }
    ImGui::Separator();
    // --- Privacy threshold --------------------------------------------------------------------
    ImGui::TextColored(kGold, "%s", T("dash.privacy.title"));
    int n = query_.minGroupSize;
    ImGui::SetNextItemWidth(120.f);
    if (ImGui::InputInt(T("dash.privacy.label"), &n) && n >= 1 && n <= 1000) {
        try {
            core::setMinGroupSize(*store, n);
            query_.minGroupSize = n;
            model_.request(query_);
        } catch (const std::exception& e) {
            coachMessage_ = e.what();
        }
    }
    ImGui::Separator();
    // --- Roster -------------------------------------------------------------------------------
    ImGui::TextColored(kGold, "%s", T("dash.roster.title"));
    ImGui::TextDisabled("%s", T("dash.roster.hint"));
    ImGui::SetNextItemWidth(220.f);
    ImGui::InputTextWithHint("##rname", T("dash.roster.name"), rosterName_.data(), rosterName_.size());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(160.f);
    ImGui::InputTextWithHint("##rid", T("dash.roster.id"), rosterId_.data(), rosterId_.size());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(160.f);
    ImGui::InputTextWithHint("##rstore", T("dash.roster.store"), rosterStore_.data(), rosterStore_.size());
    ImGui::SameLine();
    if (ImGui::Button(T("dash.roster.save"))) {
        core::RosterEntry e{rosterName_.data(), rosterId_.data(), rosterStore_.data()};
        try {
            core::upsertRosterEntry(*store, e);
            rosterName_.fill('\0');
            rosterId_.fill('\0');
            rosterStore_.fill('\0');
        } catch (const std::exception& ex) {
            coachMessage_ = ex.what();
        }
    }
    std::vector<core::RosterEntry> entries;
    try {
        entries = core::roster(*store);
    } catch (const std::exception& e) {
        coachMessage_ = e.what();
    }
    if (ImGui::BeginTable("roster", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(T("dash.roster.name"));
        ImGui::TableSetupColumn(T("dash.roster.id"));
        ImGui::TableSetupColumn(T("dash.roster.store"));
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 150.f);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const core::RosterEntry& e = entries[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(e.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(e.employeeId.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(e.store.c_str());
            ImGui::TableNextColumn();
            if (ImGui::SmallButton(T("dash.roster.edit"))) {
                std::snprintf(rosterName_.data(), rosterName_.size(), "%s", e.name.c_str());
                std::snprintf(rosterId_.data(), rosterId_.size(), "%s", e.employeeId.c_str());
                std::snprintf(rosterStore_.data(), rosterStore_.size(), "%s", e.store.c_str());
            }
            ImGui::SameLine();
            if (ImGui::SmallButton(T("dash.roster.remove"))) {
                try {
                    core::removeRosterEntry(*store, e.employeeId);
                } catch (const std::exception& ex) {
                    coachMessage_ = ex.what();
                }
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (!coachMessage_.empty()) ImGui::TextColored(kRed, "%s", coachMessage_.c_str());
}

}  // namespace counterplay::app

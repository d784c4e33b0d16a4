// The inspector's view of a choice and of a node's timeout branch: the choice's id, text and
// condition; the branch's next node, effects on the state, points per principle, feedback and
// tags (critical-action tags picked from the scenario's critical actions, or typed); and the time
// limit. Every change is one EditSession operation (one undo step).
#include <imgui.h>

#include <algorithm>

#include "screens/EditorInspectorStyle.h"
#include "screens/EditorScreen.h"

namespace counterplay::app {

using inspector::kGold;
using inspector::kRed;

void EditorScreen::drawPoints(const core::BranchRef& where, const core::Points& points) {
    ImGui::TextDisabled("%s", T("edit.points"));
    const core::Catalogue* catalogue = session_->catalogue();
    const std::string base = where.node + "/" + std::to_string(where.choice) + "/points/";
    std::optional<core::Points> changed;
    int row = 0;
    for (const auto& [id, value] : points) {
        ImGui::PushID(row++);
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 170.f);
        if (ImGui::BeginCombo("##principle", principleName(id).c_str())) {
            if (catalogue)
                for (const core::Principle& p : catalogue->principles)
                    if (ImGui::Selectable(p.name.in(ctx_.lang()).c_str(), p.id == id) &&
                        p.id != id && !points.count(p.id)) {
                        core::Points next = points;
                        next.erase(id);
                        next[p.id] = value;
                        changed = next;
                    }
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        const std::string key = base + id;
        int& buf = ints_[key];
        if (editingKey_ != key) buf = value;
        ImGui::SetNextItemWidth(70.f);
        ImGui::InputInt("##value", &buf, 0, 0);
        if (ImGui::IsItemActivated()) editingKey_ = key;
        if (ImGui::IsItemDeactivated() && editingKey_ == key) {
            editingKey_.clear();
            if (buf != value) {
                core::Points next = points;
                next[id] = buf;
                changed = next;
            }
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(T("edit.points.remove"))) {
            core::Points next = points;
            next.erase(id);
            changed = next;
        }
        ImGui::PopID();
    }
    if (catalogue) {
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
        if (ImGui::BeginCombo("##add-principle", T("edit.points.add"))) {
            for (const core::Principle& p : catalogue->principles)
                if (!points.count(p.id) && ImGui::Selectable(p.name.in(ctx_.lang()).c_str())) {
                    core::Points next = points;
                    next[p.id] = 1;
                    changed = next;
                }
            ImGui::EndCombo();
        }
    }
    if (changed) afterEdit(session_->setPoints(where, *changed), "points");
}

void EditorScreen::drawEffects(const core::BranchRef& where,
                               const std::vector<core::Effect>& effects) {
    ImGui::TextDisabled("%s", T("edit.effects"));
    const auto sc = session_->scenario();
    // Every state variable: mood and trust, then the declared counters and flags.
    std::vector<std::string> variables{"mood", "trust"};
    for (const auto& [name, start] : sc->counters) variables.push_back(name);
    for (const auto& [name, start] : sc->flags) variables.push_back(name);
    const auto isFlag = [&](const std::string& v) { return sc->flags.count(v) > 0; };
    const auto used = [&](const std::string& v) {
        return std::any_of(effects.begin(), effects.end(),
                           [&](const core::Effect& e) { return e.variable == v; });
    };
    const std::string base = where.node + "/" + std::to_string(where.choice) + "/effects/";
    std::optional<std::vector<core::Effect>> changed;
    for (std::size_t i = 0; i < effects.size(); ++i) {
        const core::Effect& e = effects[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(e.variable.c_str());
        ImGui::SameLine(130.f);
        if (isFlag(e.variable)) {
            // A flag is set: yes or no.
            bool on = e.value != 0;
            if (ImGui::Checkbox(T("edit.effects.flag-on"), &on)) {
                auto next = effects;
                next[i].value = on ? 1 : 0;
                changed = next;
            }
            logItem(base + e.variable);
        } else {
            // mood, trust and counters: the amount added (negative takes away).
            const std::string key = base + e.variable;
            int& buf = ints_[key];
            if (editingKey_ != key) buf = e.value;
            ImGui::SetNextItemWidth(70.f);
            ImGui::InputInt("##amount", &buf, 0, 0);
            logItem(base + e.variable);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("edit.effects.amount-tip"));
            if (ImGui::IsItemActivated()) editingKey_ = key;
            if (ImGui::IsItemDeactivated() && editingKey_ == key) {
                editingKey_.clear();
                if (buf != e.value) {
                    auto next = effects;
                    next[i].value = buf;
                    changed = next;
                }
            }
            ImGui::SameLine();
            ImGui::TextDisabled("%s", T("edit.effects.added"));
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(T("edit.effects.remove"))) {
            auto next = effects;
            next.erase(next.begin() + static_cast<long>(i));
            changed = next;
        }
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (ImGui::BeginCombo("##add-effect", T("edit.effects.add"))) {
        for (const std::string& v : variables) {
            if (used(v)) continue;
            const std::string label =
                v + "   " +
                T(isFlag(v)                     ? "edit.effects.kind-flag"
                  : v == "mood" || v == "trust" ? "edit.effects.kind-meter"
                                                : "edit.effects.kind-counter");
            if (ImGui::Selectable(label.c_str())) {
                auto next = effects;
                core::Effect e;
                e.variable = v;
                e.kind = isFlag(v) ? core::Effect::Kind::Set : core::Effect::Kind::Add;
                e.value = isFlag(v) ? 1 : (v == "mood" || v == "trust" ? 10 : 1);
                next.push_back(e);
                changed = next;
            }
        }
        ImGui::EndCombo();
    }
    logItem(base + "add-effect");
    if (changed) afterEdit(session_->setEffects(where, *changed), "effects");
}

void EditorScreen::drawTags(const core::BranchRef& where, const std::vector<std::string>& tags) {
    ImGui::TextDisabled("%s", T("edit.tags"));
    const auto sc = session_->scenario();
    std::optional<std::vector<std::string>> changed;
    for (std::size_t i = 0; i < tags.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (i > 0) ImGui::SameLine();
        const std::string label = tags[i] + "  x";
        if (ImGui::SmallButton(label.c_str())) {
            auto next = tags;
            next.erase(next.begin() + static_cast<long>(i));
            changed = next;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("edit.tags.remove"));
        ImGui::PopID();
    }
    // The critical actions' tags by their label, then any tag typed in.
    const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.f;
    ImGui::SetNextItemWidth(w);
    if (ImGui::BeginCombo("##add-critical", T("edit.tags.add-critical"))) {
        if (sc->criticalActions.empty()) ImGui::TextDisabled("%s", T("edit.tags.no-critical"));
        for (const core::CriticalAction& a : sc->criticalActions) {
            if (std::find(tags.begin(), tags.end(), a.tag) != tags.end()) continue;
            const std::string label = a.tag + "  (" + a.label.in(ctx_.lang()) + ")";
            if (ImGui::Selectable(label.c_str())) {
                auto next = tags;
                next.push_back(a.tag);
                changed = next;
            }
        }
        ImGui::EndCombo();
    }
    const std::string base = where.node + "/" + std::to_string(where.choice) + "/";
    logItem(base + "add-critical");
    ImGui::SameLine();
    const std::string key = base + "new-tag";
    if (textField(key, "", w, 0.f) && !buffers_[key].empty()) {
        auto next = tags;
        next.push_back(buffers_[key]);
        changed = next;
    }
    logItem(base + "new-tag");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("edit.tags.type"));
    if (changed) afterEdit(session_->setTags(where, *changed), "tags");
}

void EditorScreen::drawChoiceId(const core::Node& node, int index, const std::string& id) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", T("edit.choice.id"));
    ImGui::SameLine();
    // From the document: the model fills in "<node>.<index>" when there is no `id:`.
    const core::YamlDocument& doc = session_->document();
    const int at = doc.find(core::EditSession::choicePath(node.id, index) + ".id");
    const std::string written = at >= 0 ? doc.nodes()[static_cast<std::size_t>(at)].value : "";
    const std::string key = node.id + "/c" + std::to_string(index) + "/id";
    if (textField(key, written.empty() ? id : written, ImGui::GetContentRegionAvail().x, 0.f))
        afterEdit(session_->setChoiceId(node.id, index, buffers_[key]), "choice id");
    if (written.empty() && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", T("edit.choice.id-default"));
}

void EditorScreen::drawBranch(const core::Node& node, const core::BranchRef& where,
                              const std::string& next, const core::Points& points,
                              const core::Text& feedback) {
    ImGui::TextDisabled("%s", T("edit.next"));
    std::string picked;
    if (nextCombo("##next", node.id, next, picked))
        afterEdit(session_->setNext(where, picked), "next");
    logItem(node.id + "/" + std::to_string(where.choice) + "/next");
    drawPoints(where, points);
    ImGui::TextDisabled("%s", T("edit.feedback"));
    const std::string key = node.id + "/" + std::to_string(where.choice) + "/feedback";
    textPair(key, feedback, 48.f, [this, where](core::Lang lang, const std::string& v) {
        return session_->setFeedback(where, lang, v);
    });
}

void EditorScreen::drawChoice(const core::Node& node, int index) {
    const core::Choice& c = node.choices[static_cast<std::size_t>(index)];
    const std::string shown =
        c.text.in(ctx_.lang()).empty() ? T("edit.to-fill") : c.text.in(ctx_.lang());
    const std::string head = F("edit.choice", {{"n", std::to_string(index + 1)}}) + "  " + shown +
                             "###choice" + std::to_string(index);
    ImGui::PushID(index);
    if (ImGui::CollapsingHeader(head.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
        const std::string key = node.id + "/c" + std::to_string(index);
        drawChoiceId(node, index, c.id);
        textPair("choice" + std::to_string(index), c.text, 40.f,
                 [this, &node, index](core::Lang lang, const std::string& v) {
                     return session_->setChoiceText(node.id, index, lang, v);
                 });
        // Condition, checked as it is typed with the loader's own message.
        ImGui::TextDisabled("%s", T("edit.condition"));
        const std::string condKey = key + "/condition";
        // From the document: a condition that does not parse is not in the model.
        std::string current = c.condition ? c.condition->source() : std::string();
        const core::YamlDocument& doc = session_->document();
        if (const int at = doc.find(core::EditSession::choicePath(node.id, index) + ".condition");
            at >= 0 &&
            doc.nodes()[static_cast<std::size_t>(at)].kind == core::DocNode::Kind::Scalar)
            current = doc.nodes()[static_cast<std::size_t>(at)].value;
        if (textField(condKey, current, ImGui::GetContentRegionAvail().x, 0.f))
            afterEdit(session_->setCondition(node.id, index, buffers_[condKey]), "condition");
        const core::ConditionCheck check =
            core::checkCondition(buffers_[condKey], *session_->scenario());
        if (!check.ok) ImGui::TextColored(kRed, "%s", check.message.c_str());
        const core::BranchRef where{node.id, index};
        drawEffects(where, c.effects);
        drawBranch(node, where, c.next, c.points, c.feedback);
        drawTags(where, c.tags);
        const int count = static_cast<int>(node.choices.size());
        if (index > 0 && ImGui::SmallButton(T("edit.choice.up"))) {
            afterEdit(session_->moveChoice(node.id, index, index - 1), "move choice");
        }
        if (index > 0) ImGui::SameLine();
        if (index + 1 < count && ImGui::SmallButton(T("edit.choice.down"))) {
            afterEdit(session_->moveChoice(node.id, index, index + 1), "move choice");
        }
        if (index + 1 < count) ImGui::SameLine();
        if (ImGui::SmallButton(T("edit.choice.delete")))
            afterEdit(session_->deleteChoice(node.id, index), "delete choice");
        ImGui::Spacing();
    }
    ImGui::PopID();
}

void EditorScreen::drawTimeLimit(const core::Node& node) {
    bool timed = node.timeLimit.has_value();
    if (ImGui::Checkbox(T("edit.time-limit.on"), &timed)) {
        if (timed) {
            // The timeout leads where the first choice does, with a feedback that says what
            // happened (the trainer can make it more specific); nothing is left invalid.
            const std::string next =
                !node.choices.empty() ? node.choices.front().next : std::string();
            const core::Text feedback{
                ctx_.strings.get("edit.timeout.new-feedback", core::Lang::Ko),
                ctx_.strings.get("edit.timeout.new-feedback", core::Lang::En)};
            afterEdit(session_->setTimeLimit(node.id, 30, next, feedback), "time limit");
        } else {
            afterEdit(session_->removeTimeLimit(node.id), "remove time limit");
        }
        return;
    }
    if (!node.timeLimit) return;
    const core::TimeLimit& tl = *node.timeLimit;
    const std::string key = node.id + "/time";
    int& buf = ints_[key];
    if (editingKey_ != key) buf = tl.seconds;
    ImGui::SetNextItemWidth(90.f);
    ImGui::InputInt(T("edit.time-limit"), &buf, 0, 0);
    if (ImGui::IsItemActivated()) editingKey_ = key;
    if (ImGui::IsItemDeactivated() && editingKey_ == key) {
        editingKey_.clear();
        if (buf != tl.seconds) afterEdit(session_->setTimeLimit(node.id, buf), "time limit");
    }
    ImGui::TextColored(kGold, "%s", T("edit.timeout"));
    ImGui::PushID("timeout");
    const core::BranchRef where{node.id, core::kTimeoutChoice};
    drawEffects(where, tl.effects);
    drawBranch(node, where, tl.next, tl.points, tl.feedback);
    drawTags(where, tl.tags);
    ImGui::PopID();
}

}  // namespace counterplay::app

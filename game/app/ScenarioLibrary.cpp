#include "ScenarioLibrary.h"

#include <algorithm>
#include <filesystem>

#include "counterplay/core/Citation.h"
#include "counterplay/core/Loader.h"
#include "platform/Log.h"

namespace counterplay::app {

namespace fs = std::filesystem;

std::shared_ptr<const core::Scenario> ScenarioLibrary::loadOne(const std::string& path) {
    core::ScenarioLoad load = core::loadScenarioFile(path, catalogue_.get());
    for (const core::Diagnostic& d : load.diagnostics)
        if (d.severity == core::Severity::Error) logLine(d.format());
    if (!load.ok()) {
        logLine("scenario " + path + " has errors; it is not offered");
        return nullptr;
    }
    return load.scenario;
}

std::size_t ScenarioLibrary::load(const std::string& dir) {
    dir_ = dir;
    entries_.clear();
    const std::string cataloguePath = dir + "/principles.yaml";
    core::CatalogueLoad cat = core::loadCatalogueFile(cataloguePath);
    if (cat.ok()) {
        catalogue_ = cat.catalogue;
    } else {
        for (const core::Diagnostic& d : cat.diagnostics) logLine(d.format());
        logLine("principle catalogue " + cataloguePath + " did not load; principle names show as ids");
        catalogue_ = cat.catalogue;  // may be partial or null
    }
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (!e.is_regular_file(ec)) continue;
        const fs::path p = e.path();
        if (p.extension() == ".yaml" && p.filename() != "principles.yaml") files.push_back(p.string());
    }
    if (ec) logLine("cannot list scenarios in " + dir + ": " + ec.message());
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) {
        auto scenario = loadOne(f);
        if (!scenario) continue;
        if (find(scenario->id) != nullptr) {
            logLine("scenario id '" + scenario->id + "' appears twice; " + f + " is skipped");
            continue;
        }
        entries_.push_back({f, scenario, std::make_shared<core::Analysis>(core::analyzeScenario(*scenario))});
    }
    logLine("loaded " + std::to_string(entries_.size()) + " scenarios from " + dir);
    return entries_.size();
}

const ScenarioEntry* ScenarioLibrary::find(const std::string& id) const {
    for (const ScenarioEntry& e : entries_)
        if (e.scenario->id == id) return &e;
    for (const auto& e : extra_)
        if (e->scenario->id == id) return e.get();
    return nullptr;
}

const ScenarioEntry* ScenarioLibrary::loadExtra(const std::string& path) {
    auto scenario = loadOne(path);
    if (!scenario) return nullptr;
    auto entry = std::make_unique<ScenarioEntry>(ScenarioEntry{
        path, scenario, std::make_shared<core::Analysis>(core::analyzeScenario(*scenario))});
    extra_.push_back(std::move(entry));
    return extra_.back().get();
}

const std::string& ScenarioLibrary::principleName(const std::string& id, core::Lang lang) const {
    if (catalogue_)
        if (const core::Principle* p = catalogue_->find(id)) return p->name.in(lang);
    return id;
}

std::string ScenarioLibrary::principleCitation(const std::string& id, core::Lang lang) const {
    if (!catalogue_) return {};
    const core::Principle* p = catalogue_->find(id);
    return p ? core::formatCitation(p->source, catalogue_.get(), lang) : std::string();
}

const ScenarioEntry* ScenarioLibrary::next(const std::string& id) const {
    for (std::size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].scenario->id == id) return &entries_[(i + 1) % entries_.size()];
    return entries_.empty() ? nullptr : &entries_.front();
}

std::vector<std::string> ScenarioLibrary::allKorean() const {
    std::vector<std::string> out;
    if (catalogue_) {
        for (const auto& g : catalogue_->groups) out.push_back(g.name.ko);
        for (const auto& p : catalogue_->principles) out.push_back(p.name.ko);
    }
    for (const ScenarioEntry& e : entries_) {
        const core::Scenario& s = *e.scenario;
        out.push_back(s.title.ko);
        out.push_back(s.customer.name.ko);
        for (const core::Node& n : s.nodes) {
            for (const core::Line& l : n.lines) out.push_back(l.text.ko);
            for (const core::Choice& c : n.choices) out.push_back(c.text.ko);
        }
    }
    return out;
}

}  // namespace counterplay::app

// Every playable scenario in the scenarios folder, loaded once at start with the principle
// catalogue and each scenario's graph analysis (best path, achievable points).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "counterplay/core/Analysis.h"
#include "counterplay/core/Catalogue.h"
#include "counterplay/core/Model.h"

namespace counterplay::app {

struct ScenarioEntry {
    std::string path;
    std::shared_ptr<const core::Scenario> scenario;
    std::shared_ptr<const core::Analysis> analysis;
    /// Played from the editor ("Play from here"): not recorded as a trainee's result, no
    /// autosave, and leaving the play or its debrief returns to the editor.
    bool trial = false;
};

class ScenarioLibrary {
public:
    /// Loads principles.yaml and every other *.yaml in `dir` (sorted by file name). Files with
    /// errors are logged (file:line:col) and left out; returns the number loaded.
    std::size_t load(const std::string& dir);

    const std::vector<ScenarioEntry>& entries() const { return entries_; }
    const ScenarioEntry* find(const std::string& id) const;
    /// Loads one file outside the folder (resuming an autosave whose file moved); null on error.
    const ScenarioEntry* loadExtra(const std::string& path);
    const core::Catalogue* catalogue() const { return catalogue_.get(); }
    /// The principle's short name in `lang`, or its id when the catalogue lacks it.
    const std::string& principleName(const std::string& id, core::Lang lang) const;
    /// The citation of the principle's source in `lang` ("Tony Cram, ..., way 10"); empty when
    /// the catalogue has none for it.
    std::string principleCitation(const std::string& id, core::Lang lang) const;
    /// The entry after `id` in the list (wrapping), for "next scenario".
    const ScenarioEntry* next(const std::string& id) const;
    /// Every Korean text of every scenario and the catalogue (ImGui glyph ranges).
    std::vector<std::string> allKorean() const;
    const std::string& dir() const { return dir_; }

private:
    std::shared_ptr<const core::Scenario> loadOne(const std::string& path);

    std::string dir_;
    std::shared_ptr<const core::Catalogue> catalogue_;
    std::vector<ScenarioEntry> entries_;
    std::vector<std::unique_ptr<ScenarioEntry>> extra_;
};

}  // namespace counterplay::app

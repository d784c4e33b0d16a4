// Loading scenario and catalogue files into the model, with diagnostics. Never throws.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "counterplay/core/Catalogue.h"
#include "counterplay/core/Diagnostic.h"
#include "counterplay/core/Model.h"

namespace counterplay::core {

struct ScenarioLoad {
    /// The model; null only when the file could not be read or parsed at all. When errors were
    /// reported the model may be partial and must not be played.
    std::shared_ptr<const Scenario> scenario;
    std::vector<Diagnostic> diagnostics;

    /// True when there is a model and no error diagnostics.
    bool ok() const;
};

struct CatalogueLoad {
    std::shared_ptr<const Catalogue> catalogue;
    std::vector<Diagnostic> diagnostics;
    bool ok() const;
};

/// Reads a regular file (size checked before reading) and loads it as a scenario. Principle ids
/// are checked against `catalogue` when it is not null. Runs the validator (references,
/// reachability, dead ends, cycles, conditions) too.
ScenarioLoad loadScenarioFile(const std::string& path, const Catalogue* catalogue);

/// Same, from bytes already in memory; `fileName` is used in diagnostics.
ScenarioLoad loadScenarioText(std::string_view bytes, const std::string& fileName,
                              const Catalogue* catalogue);

/// Loads the principle catalogue.
CatalogueLoad loadCatalogueFile(const std::string& path);
CatalogueLoad loadCatalogueText(std::string_view bytes, const std::string& fileName);

/// Finds the catalogue for a scenario path: `principles.yaml` in the scenario's folder, else in
/// its parent folders, else empty string.
std::string findCatalogueFor(const std::string& scenarioPath);

}  // namespace counterplay::core

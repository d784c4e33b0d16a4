// Importing JSON exports made on other machines (`counterplay import`, the dashboard): the file
// must verify against a trusted key, every attempt must carry a seal by a trusted key, and the
// stored rows must match that seal. One transaction per file: all of it or nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "counterplay/core/Keyring.h"
#include "counterplay/core/ResultsStore.h"

namespace counterplay::core {

enum class ImportStatus {
    Ok,
    Changed,        ///< the file (or an attempt in it) was changed after signing / sealing
    UnknownSigner,  ///< the file or an attempt's seal is by a key this machine does not trust
    NotAnExport,    ///< not a signed Counterplay JSON export (or one without seals)
    StoreFailed,    ///< the database failed
};

struct ImportResult {
    ImportStatus status = ImportStatus::Ok;
    std::int64_t added = 0;    ///< attempts stored
    std::int64_t skipped = 0;  ///< attempts already in the store (same uuid)
    std::string signerStore;   ///< the store that signed the file
    std::string signerFingerprint;
    std::string message;  ///< why it was refused (for people)
    bool ok() const { return status == ImportStatus::Ok; }
};

/// Imports the attempts of one JSON export (`bytes`) into `store`, keeping each attempt's uuid,
/// origin store, fingerprint and seal (source "import"). Attempts whose uuid is already stored
/// are skipped. On any refusal nothing from the file is stored.
ImportResult importJsonExport(ResultsStore& store, std::string_view bytes, const Trust& trust);

/// Reads `path` and imports it (see importJsonExport).
ImportResult importJsonExportFile(ResultsStore& store, const std::string& path, const Trust& trust);

/// One attempt object of a JSON export (as also carried by an LRS "completed" statement) as a
/// NewAttempt made elsewhere, with `source` ("import" or "lrs"), its origin and seal kept.
/// False and `why` when it is not a whole sealed attempt.
bool attemptFromExportJson(const nlohmann::json& attempt, const std::string& source,
                           NewAttempt& out, std::string& why);

}  // namespace counterplay::core

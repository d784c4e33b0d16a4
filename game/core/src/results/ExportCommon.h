// Shared pieces of the exporters (private): a buffered writer that signs what it writes.
#pragma once

#include <string>

#include "counterplay/core/Coaching.h"
#include "counterplay/core/Export.h"
#include "counterplay/core/Signing.h"

namespace counterplay::core {

/// Appends to `buf`, hands full 64 KiB chunks to the sink and the HMAC together.
class SignedWriter {
public:
    SignedWriter(ByteSink& out, const SigningKey& key, ExportFormat format)
        : out_(out), signer_(key, format) {
        buf.reserve(kChunk + 4096);
    }
    void maybeFlush() {
        if (buf.size() >= kChunk) flush();
    }
    void flush() {
        signer_.update(buf);
        out_.write(buf);
        buf.clear();
    }
    /// Flushes and returns the MAC of everything written.
    std::string finish() {
        flush();
        return signer_.finishHex();
    }
    std::string buf;

private:
    static constexpr std::size_t kChunk = 1 << 16;
    ByteSink& out_;
    Signer signer_;
};

/// Appends a decimal integer (no locale, no allocation).
void appendInt(std::string& out, std::int64_t value);

/// The reason an attempt is marked altered in this export, or null.
const std::string* alteredReason(const ExportOptions& options, std::int64_t attemptId);

/// The export's timestamp: options.exportedAtMs or now.
std::int64_t exportTime(const ExportOptions& options);

/// The JSON form of coaching notes and sign-offs (as in the JSON export; ExportCoaching.cpp).
nlohmann::json coachingNotesJson(const std::vector<CoachingNote>& notes);
nlohmann::json signOffsJson(const std::vector<SignOff>& signOffs);

/// The coaching CSV (ExportOptions::csvCoaching): header rows, then one row per note and per
/// sign-off, written to `w` (the caller adds the BOM and the signature).
void coachingTable(const ResultsStore& store, const ExportOptions& options, SignedWriter& w,
                   ExportResult& result);

}  // namespace counterplay::core

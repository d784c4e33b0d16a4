// The editing session (see EditSession.h): opening, committing operations, undo and redo,
// saving, the file on disk and recovery. The operations themselves are in EditOperations.cpp.
#include "counterplay/core/EditSession.h"

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "EditDraft.h"
#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/DataDir.h"
#include "counterplay/core/Hash.h"
#include "counterplay/core/SaveEdit.h"

namespace counterplay::core {

namespace {

std::string absolutePath(const std::string& path) {
    std::error_code ec;
    std::filesystem::path p = std::filesystem::absolute(path, ec);
    if (ec) return path;
    return p.lexically_normal().string();
}

/// The one differing byte range of two texts (common prefix and suffix left out).
void diffRange(const std::string& a, const std::string& b, std::size_t& offset, std::string& before,
               std::string& after) {
    std::size_t p = 0;
    const std::size_t n = std::min(a.size(), b.size());
    while (p < n && a[p] == b[p]) ++p;
    std::size_t s = 0;
    while (s < n - p && a[a.size() - 1 - s] == b[b.size() - 1 - s]) ++s;
    offset = p;
    before = a.substr(p, a.size() - p - s);
    after = b.substr(p, b.size() - p - s);
}

std::int64_t epochMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/// A recovery file: one line of JSON (format, path, baseHash, savedAtMs), then the bytes.
bool readRecovery(const std::string& file, nlohmann::json& header, std::string& text) {
    std::string all, error;
    if (!readWholeFile(file, all, error)) return false;
    const std::size_t nl = all.find('\n');
    if (nl == std::string::npos) return false;
    header = nlohmann::json::parse(all.substr(0, nl), nullptr, false);
    if (header.is_discarded() || !header.is_object() || header.value("format", 0) != 1)
        return false;
    text = all.substr(nl + 1);
    return true;
}

}  // namespace

std::unique_ptr<EditSession> EditSession::open(const std::string& path, std::string& error) {
    return open(path, error, Options{});
}

std::unique_ptr<EditSession> EditSession::open(const std::string& path, std::string& error,
                                               const Options& options) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        error = path + ": no such file";
        return nullptr;
    }
    if (!S_ISREG(st.st_mode)) {
        error = path + " is not a regular file; the editor only opens and replaces regular files";
        return nullptr;
    }
    std::unique_ptr<EditSession> s(new EditSession());
    s->options_ = options;
    s->path_ = path;
    std::string bytes;
    if (!readWholeFile(path, bytes, error)) return nullptr;
    const std::string catalogue =
        options.cataloguePath.empty() ? findCatalogueFor(path) : options.cataloguePath;
    if (!catalogue.empty()) s->catalogue_ = loadCatalogueFile(catalogue).catalogue;
    if (!YamlDocument::parse(bytes, s->doc_, error)) {
        error = path + ": cannot edit: " + error;
        return nullptr;
    }
    s->load_ = loadScenarioText(s->text(), path, s->catalogue_.get());
    s->savedText_ = s->text();
    s->disk_ = stampOf(path, &s->text());
    return s;
}

bool EditSession::fail(std::string message) {
    error_ = std::move(message);
    return false;
}

bool EditSession::edit(Text label, std::string focus, const std::function<bool(Draft&)>& steps,
                       std::string mergeKey) {
    error_.clear();
    if (fullLoadPending_) reloadModel();  // the operation works on the model of this text
    Draft draft(doc_, load_.scenario.get());
    if (!steps(draft) || draft.broken()) return fail(draft.error());
    if (!draft.changed()) return true;
    YamlDocument* parsed = nullptr;
    std::string bytes = draft.takeBytes(parsed);
    return commit(std::move(bytes), parsed, std::move(label), std::move(focus),
                  std::move(mergeKey));
}

bool EditSession::setBytes(std::string bytes, YamlDocument* parsed) {
    if (parsed && parsed->bytes() == bytes) {
        doc_ = std::move(*parsed);
    } else {
        YamlDocument d;
        std::string error;
        if (!YamlDocument::parse(std::move(bytes), d, error))
            return fail("the edit would make the file unreadable: " + error);
        doc_ = std::move(d);
    }
    ++textGeneration_;
    if (deferLoads_) {
        reloadPending_ = fullLoadPending_ = true;
        return true;
    }
    load_ = loadScenarioText(text(), path_, catalogue_.get());
    reloadPending_ = fullLoadPending_ = false;
    return true;
}

void EditSession::reloadModel() {
    if (!reloadPending_) return;
    load_ = loadScenarioText(text(), path_, catalogue_.get());
    reloadPending_ = fullLoadPending_ = false;
}

bool EditSession::applyModelLoad(std::uint64_t generation, ScenarioLoad load) {
    if (generation != textGeneration_) return false;
    load_ = std::move(load);
    reloadPending_ = fullLoadPending_ = false;
    return true;
}

bool EditSession::fastText(const std::string& textPath, Lang lang, std::string_view value,
                           const std::function<Text*(Scenario&)>& field) {
    if (fullLoadPending_) reloadModel();  // the field must exist in the model it patches
    const std::string path = textPath + "." + langCode(lang);
    const int i = doc_.find(path);
    if (!field || !load_.scenario || i < 0 || doc_.nodes()[i].kind != DocNode::Kind::Scalar)
        return false;
    error_.clear();
    const std::size_t begin = doc_.nodes()[i].begin;
    Change c;
    c.offset = begin;
    c.before = text().substr(begin, doc_.nodes()[i].end - begin);
    std::string error;
    if (!doc_.setScalarInPlace(path, value, error)) return false;
    c.after = text().substr(begin, doc_.nodes()[i].end - begin);
    if (c.before == c.after) return true;
    auto copy = std::make_shared<Scenario>(*load_.scenario);
    if (Text* t = field(*copy)) (lang == Lang::Ko ? t->ko : t->en) = std::string(value);
    load_.scenario = std::move(copy);
    reloadPending_ = true;
    ++textGeneration_;
    c.label = Text{"텍스트 편집", "edit text"};
    c.focus = focus_;
    c.mergeKey = "text:" + path;
    pushChange(std::move(c));
    return true;
}

bool EditSession::commit(std::string newText, YamlDocument* parsed, Text label, std::string focus,
                         std::string mergeKey) {
    if (newText == text()) return true;
    const std::string base = text();
    if (!setBytes(std::move(newText), parsed)) return false;
    Change c;
    diffRange(base, text(), c.offset, c.before, c.after);
    c.label = std::move(label);
    c.focus = std::move(focus);
    c.mergeKey = std::move(mergeKey);
    pushChange(std::move(c));
    return true;
}

void EditSession::pushChange(Change c) {
    focus_ = c.focus;
    for (const Change& r : redo_) historyBytes_ -= r.before.size() + r.after.size();
    redo_.clear();
    const bool merge =
        mergeOpen_ && !c.mergeKey.empty() && !undo_.empty() && undo_.back().mergeKey == c.mergeKey;
    mergeOpen_ = !c.mergeKey.empty();
    if (merge) {
        // Two steps on the same text become one: from the text before the first to now.
        Change& last = undo_.back();
        historyBytes_ -= last.before.size() + last.after.size();
        std::string before = text();
        before.replace(c.offset, c.after.size(), c.before);
        before.replace(last.offset, last.after.size(), last.before);
        diffRange(before, text(), last.offset, last.before, last.after);
        if (last.before.empty() && last.after.empty()) {
            undo_.pop_back();  // typed back to the original
            return;
        }
        historyBytes_ += last.before.size() + last.after.size();
        return;
    }
    historyBytes_ += c.before.size() + c.after.size();
    undo_.push_back(std::move(c));
    trimHistory();
}

void EditSession::trimHistory() {
    while (!undo_.empty() &&
           (undo_.size() > options_.undoLimitEntries || historyBytes_ > options_.undoLimitBytes)) {
        historyBytes_ -= undo_.front().before.size() + undo_.front().after.size();
        undo_.pop_front();
    }
}

void EditSession::applyChange(const Change& c, bool forward) {
    std::string t = text();
    t.replace(c.offset, (forward ? c.before : c.after).size(), forward ? c.after : c.before);
    setBytes(std::move(t), nullptr);
    focus_ = c.focus;
}

Text EditSession::undoLabel() const { return undo_.empty() ? Text{} : undo_.back().label; }
Text EditSession::redoLabel() const { return redo_.empty() ? Text{} : redo_.back().label; }

bool EditSession::undo() {
    mergeOpen_ = false;
    if (undo_.empty()) return false;
    Change c = std::move(undo_.back());
    undo_.pop_back();
    applyChange(c, false);
    redo_.push_back(std::move(c));
    return true;
}

bool EditSession::redo() {
    mergeOpen_ = false;
    if (redo_.empty()) return false;
    Change c = std::move(redo_.back());
    redo_.pop_back();
    applyChange(c, true);
    undo_.push_back(std::move(c));
    return true;
}

// ---- saving and the disk ---------------------------------------------------------------------

EditSession::DiskStamp EditSession::stampOf(const std::string& path,
                                            const std::string* knownBytes) {
    DiskStamp d;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return d;
    d.exists = true;
    d.mtimeNs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    d.size = static_cast<std::int64_t>(st.st_size);
    if (knownBytes) {
        d.hash = sha256Hex(*knownBytes);
    } else {
        std::string bytes, error;
        if (readWholeFile(path, bytes, error)) d.hash = sha256Hex(bytes);
    }
    return d;
}

DiskStatus EditSession::checkDisk() const {
    struct stat st {};
    if (::stat(path_.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return disk_.exists ? DiskStatus::Missing : DiskStatus::Unchanged;
    const std::int64_t mtime =
        static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    if (disk_.exists && mtime == disk_.mtimeNs && st.st_size == disk_.size)
        return DiskStatus::Unchanged;
    const DiskStamp now = stampOf(path_, nullptr);
    if (disk_.exists && now.hash == disk_.hash) {
        disk_ = now;  // touched, not changed
        return DiskStatus::Unchanged;
    }
    return DiskStatus::Changed;
}

SaveResult EditSession::save(bool force) {
    error_.clear();
    mergeOpen_ = false;
    const DiskStatus disk = checkDisk();
    if (!force && disk == DiskStatus::Changed) {
        error_ = path_ + " changed on disk since it was opened; reload it or save anyway";
        return SaveResult::ChangedOnDisk;
    }
    if (!dirty() && disk == DiskStatus::Unchanged) return SaveResult::Unchanged;
    std::string error;
    if (!saveEditedFile(path_, text(), error)) {
        error_ = error;
        return SaveResult::Failed;
    }
    savedText_ = text();
    disk_ = stampOf(path_, &text());
    discardRecovery();
    return SaveResult::Saved;
}

bool EditSession::reloadFromDisk() {
    error_.clear();
    std::string bytes, error;
    if (!readWholeFile(path_, bytes, error)) return fail(error);
    mergeOpen_ = false;
    if (!commit(bytes, nullptr, Text{"디스크에서 다시 읽기", "reload from disk"}, "", ""))
        return false;
    savedText_ = text();
    disk_ = stampOf(path_, &text());
    return true;
}

// ---- recovery --------------------------------------------------------------------------------

std::string EditSession::recoveryPathFor(const std::string& path, const Options& options) {
    const std::string dir =
        options.recoveryDir.empty() ? dataDir() + "/recovery" : options.recoveryDir;
    return dir + "/" + sha256Hex(absolutePath(path)).substr(0, 32) + ".recovery";
}

bool EditSession::writeRecovery() {
    if (!dirty()) {
        discardRecovery();
        return true;
    }
    const std::string file = recoveryPathFor(path_, options_);
    std::string error;
    if (!ensureDir(std::filesystem::path(file).parent_path().string(), error)) return fail(error);
    const nlohmann::json header = {{"format", 1},
                                   {"path", absolutePath(path_)},
                                   {"baseHash", sha256Hex(savedText_)},
                                   {"savedAtMs", epochMs()}};
    const std::string bytes =
        header.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n" + text();
    if (!writeFileAtomic(file, bytes, error, 0600)) return fail(error);
    recoveryText_ = text();
    return true;
}

void EditSession::discardRecovery() {
    std::error_code ec;
    std::filesystem::remove(recoveryPathFor(path_, options_), ec);
    recoveryText_.clear();
}

std::optional<RecoveryInfo> EditSession::recoverable(const std::string& path,
                                                     const Options& options) {
    const std::string file = recoveryPathFor(path, options);
    nlohmann::json header;
    std::string text;
    if (!readRecovery(file, header, text)) return std::nullopt;
    if (header.value("path", std::string()) != absolutePath(path)) return std::nullopt;
    std::string disk, error;
    const bool exists = readWholeFile(path, disk, error);
    if (exists && disk == text) return std::nullopt;
    RecoveryInfo info;
    info.path = absolutePath(path);
    info.recoveryFile = file;
    info.savedAtMs = header.value("savedAtMs", std::int64_t{0});
    info.baseChanged = !exists || sha256Hex(disk) != header.value("baseHash", std::string());
    return info;
}

bool EditSession::recover() {
    error_.clear();
    nlohmann::json header;
    std::string kept;
    if (!readRecovery(recoveryPathFor(path_, options_), header, kept))
        return fail("no recovery file for " + path_);
    mergeOpen_ = false;
    if (!commit(std::move(kept), nullptr, Text{"저장하지 않은 편집 복구", "recover unsaved edits"},
                "", ""))
        return false;
    recoveryText_ = text();
    return true;
}

// ---- paths -----------------------------------------------------------------------------------

namespace {
std::string keyPart(const std::string& key) {
    if (key.find_first_of(".[]") != std::string::npos) return "[\"" + key + "\"]";
    return "." + key;
}
}  // namespace

std::string EditSession::nodePath(const std::string& node) { return "nodes" + keyPart(node); }
std::string EditSession::linePath(const std::string& node, int line) {
    return nodePath(node) + ".lines[" + std::to_string(line) + "]";
}
std::string EditSession::choicePath(const std::string& node, int choice) {
    return nodePath(node) + ".choices[" + std::to_string(choice) + "]";
}
std::string EditSession::branchPath(const BranchRef& where) {
    if (where.choice == kTimeoutChoice) return nodePath(where.node) + ".time_limit";
    return choicePath(where.node, where.choice);
}

}  // namespace counterplay::core

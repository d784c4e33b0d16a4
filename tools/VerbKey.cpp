// `counterplay key`: this machine's Ed25519 signing key (created on first use, private key mode
// 0600), its store name, its public key for other machines, and the keyring of trusted stores.
#include <iostream>

#include "Common.h"
#include "ResultsCommon.h"
#include "Verbs.h"
#include "counterplay/core/AtomicFile.h"
#include "counterplay/core/DataDir.h"
#include "counterplay/core/Keyring.h"
#include "counterplay/core/Signing.h"

namespace counterplay::tools {

int keyMain(int argc, char** argv) {
    CLI::App app{
        "This machine's signing key (Ed25519) and the stores it trusts. Without a "
        "subcommand: create the key if missing and print its path, fingerprint and store "
        "name. Keep the private key file private; give other machines the public key "
        "(export-public) so that they can check this machine's exports.",
        "counterplay key"};
    bool showPath = false, showId = false;
    std::string langValue, publicOut, trustFile, trustName, newName;
    app.add_flag("--show-path", showPath,
                 "Print only the private key file's path (nothing is created)");
    app.add_flag("--id", showId,
                 "Print only the key's fingerprint (the key is created if missing)");
    addLangOption(app, langValue);
    app.require_subcommand(0, 1);
    app.fallthrough();  // --lang after a subcommand
    CLI::App* exportPublic =
        app.add_subcommand("export-public", "Write this machine's public key and store name");
    exportPublic->add_option("--out", publicOut, "Write to FILE (atomically) instead of stdout");
    CLI::App* trust = app.add_subcommand(
        "trust", "Trust another store's public key (a file written by `key export-public`)");
    trust->add_option("FILE", trustFile, "The other store's public key file")->required();
    trust->add_option("--name", trustName, "Name to list it under (default: the name in the file)");
    CLI::App* list = app.add_subcommand("list", "List the trusted keys (this machine's is marked)");
    CLI::App* name = app.add_subcommand("name", "Set the store name this machine signs as");
    name->add_option("STORE", newName, "e.g. Gangnam")->required();
    if (auto code = parseCommandLine(app, argc, argv)) return *code;
    const core::Lang lang = resolveLang(langValue);

    const std::string path = core::signingKeyPath();
    if (showPath) {
        std::cout << path << '\n';
        return kExitOk;
    }
    std::string error;
    if (name->parsed()) {
        if (!core::setStoreName(newName, error)) {
            std::cerr << "counterplay key: " << error << '\n';
            return kExitData;
        }
        core::loadSigningKey(path, true, error);  // rewrites the public key file with the name
        std::cout << label("key.renamed", lang, {{"name", core::storeName()}}) << '\n';
        return kExitOk;
    }
    if (trust->parsed()) {
        std::string text, fileName;
        core::PublicKeyBytes pub{};
        if (!core::readWholeFile(trustFile, text, error) ||
            !core::parsePublicKeyText(text, fileName, pub, error)) {
            std::cerr << "counterplay key trust: " << trustFile << ": " << error << '\n';
            return kExitData;
        }
        core::Keyring ring;
        if (!ring.load(core::keyringPath(), error)) {
            std::cerr << "counterplay key trust: " << error << '\n';
            return kExitData;
        }
        const std::string shown = trustName.empty() ? fileName : trustName;
        const core::TrustedKey& k = ring.add(shown, pub, core::nowEpochMs());
        if (!ring.save(core::keyringPath(), error)) {
            std::cerr << "counterplay key trust: " << error << '\n';
            return kExitData;
        }
        std::cout << label("key.trusted", lang,
                           {{"name", k.name}, {"fp", core::shortFingerprint(k.fingerprint)}})
                  << '\n';
        return kExitOk;
    }
    if (list->parsed()) {
        const core::Trust t = loadTrustForVerb("key list", std::cerr);
        for (const core::TrustedKey& k : t.keys) {
            std::cout << core::shortFingerprint(k.fingerprint) << "  "
                      << (k.own ? "(" + label("key.own", lang) + ")"
                                : core::formatIsoUtc(k.addedAtMs).substr(0, 10))
                      << "  " << k.name << '\n';
        }
        return kExitOk;
    }
    const auto key = core::loadSigningKey(path, true, error);
    if (!key) {
        std::cerr << "counterplay key: " << error << '\n';
        return kExitData;
    }
    if (exportPublic->parsed()) {
        const std::string text = core::publicKeyText(key->storeName, key->publicKey);
        if (publicOut.empty()) {
            std::cout << text;
            return kExitOk;
        }
        if (!core::writeFileAtomic(publicOut, text, error)) {
            std::cerr << "counterplay key export-public: " << writeErrorText(publicOut, error, lang)
                      << '\n';
            return writeErrorExit(publicOut);
        }
        std::cerr << label("key.public-written", lang,
                           {{"name", key->storeName},
                            {"fp", core::shortFingerprint(key->fingerprint())},
                            {"file", publicOut}})
                  << '\n';
        return kExitOk;
    }
    if (showId) {
        std::cout << key->fingerprint() << '\n';
        return kExitOk;
    }
    std::cout << "path:        " << path << "\npublic key:  " << core::publicKeyPathFor(path)
              << "\nfingerprint: " << key->fingerprint() << "\nstore:       " << key->storeName
              << '\n';
    return kExitOk;
}

}  // namespace counterplay::tools

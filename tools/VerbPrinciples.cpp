// `counterplay principles`: the principle catalogue (the scoring axes), grouped, as text or JSON.
#include <iostream>

#include "Common.h"
#include "Verbs.h"
#include "counterplay/core/Citation.h"
#include "counterplay/core/Json.h"

namespace counterplay::tools {

namespace {

/// A principle's source in JSON: the ref and item, and the citation in both languages.
nlohmann::json sourceJson(const core::SourceRef& source, const core::Catalogue& cat) {
    nlohmann::json j{{"ref", source.ref}, {"item", source.item}};
    if (!source.seed.empty()) j["seed"] = source.seed;
    j["citation"] = {{"ko", core::formatCitation(source, &cat, core::Lang::Ko)},
                     {"en", core::formatCitation(source, &cat, core::Lang::En)}};
    return j;
}

}  // namespace

int principlesMain(int argc, char** argv) {
    CLI::App app{"List the principle catalogue grouped: id, name, summary and source of every "
                 "principle scenarios score against.",
                 "counterplay principles"};
    std::string catalogue;
    std::string langValue;
    bool json = false;
    bool brief = false;
    app.add_option("--catalogue", catalogue,
                   "Catalogue file (default: scenarios/principles.yaml)");
    addLangOption(app, langValue);
    app.add_flag("--json", json, "Print the catalogue as JSON (both languages)");
    app.add_flag("--brief", brief, "Ids and names only");
    if (auto code = parseCommandLine(app, argc, argv)) return *code;

    const std::string path = catalogue.empty() ? defaultCataloguePath() : catalogue;
    const core::CatalogueLoad load = core::loadCatalogueFile(path);
    printDiagnostics(std::cerr, load.diagnostics);
    if (!load.ok()) {
        std::cerr << "counterplay principles: " << path << " has errors\n";
        return kExitData;
    }
    const core::Catalogue& cat = *load.catalogue;
    const core::Lang lang = resolveLang(langValue);

    if (json) {
        nlohmann::json out;
        out["file"] = path;
        out["groups"] = nlohmann::json::array();
        for (const core::PrincipleGroup& g : cat.groups) {
            nlohmann::json jg{{"id", g.id}, {"name", g.name}};
            jg["principles"] = nlohmann::json::array();
            for (const core::Principle& p : cat.principles) {
                if (p.group != g.id) continue;
                jg["principles"].push_back(
                    {{"id", p.id},
                     {"name", p.name},
                     {"summary", p.summary},
                     {"source", sourceJson(p.source, cat)}});
            }
            out["groups"].push_back(jg);
        }
        printJson(std::cout, out);
        return kExitOk;
    }
    bool first = true;
    for (const core::PrincipleGroup& g : cat.groups) {
        std::cout << (first ? "" : "\n") << g.name.in(lang) << " [" << g.id << "]\n";
        first = false;
        for (const core::Principle& p : cat.principles) {
            if (p.group != g.id) continue;
            std::cout << "  " << p.id << "  " << p.name.in(lang) << '\n';
            if (brief) continue;
            std::cout << "      " << p.summary.in(lang) << '\n';
            const std::string citation = core::formatCitation(p.source, &cat, lang);
            if (!citation.empty())
                std::cout << "      " << label("principles.source", lang, {{"citation", citation}})
                          << '\n';
        }
    }
    std::cout << '\n' << cat.principles.size() << " principles in " << cat.groups.size()
              << " groups (" << path << ")\n";
    return kExitOk;
}

}  // namespace counterplay::tools

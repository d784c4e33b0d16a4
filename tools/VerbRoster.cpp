// `counterplay roster`: the trainees a manager has added (name, employee id, store), which the
// title screen offers as a pick list. list | add --name N --id ID [--store S] | remove ID.
#include <filesystem>
#include <iostream>

#include "Common.h"
#include "ResultsCommon.h"
#include "Verbs.h"
#include "counterplay/core/Coaching.h"
#include "counterplay/core/DataDir.h"
#include "counterplay/core/Roster.h"
#include "counterplay/core/Suggest.h"

namespace counterplay::tools {

int rosterMain(int argc, char** argv) {
    CLI::App app{
        "The roster: trainees added by a manager (name, employee id, store). The game's "
        "title screen offers them as a pick list, and their attempts are recorded under "
        "the employee id, so a typo no longer splits one person into two.",
        "counterplay roster"};
    std::string dbFlag, langValue, name, id, shop, removeId;
    bool json = false;
    addDbOption(app, dbFlag);
    addLangOption(app, langValue);
    app.require_subcommand(1, 1);
    app.fallthrough();  // --db and --lang after the subcommand
    CLI::App* list = app.add_subcommand("list", "List the roster by name");
    list->add_flag("--json", json, "Print JSON instead of a table");
    CLI::App* add = app.add_subcommand("add", "Add a trainee, or update the one with that id");
    add->add_option("--name", name, "The trainee's name as shown in the game")->required();
    add->add_option("--id", id, "Employee id: the trainee key their attempts are recorded under")
        ->required();
    add->add_option("--store", shop, "Shop or branch (optional)");
    CLI::App* remove = app.add_subcommand("remove",
                                          "Remove a trainee from the roster (their "
                                          "attempts, notes and sign-offs stay)");
    remove->add_option("ID", removeId, "Employee id")->required();
    if (auto code = parseCommandLine(app, argc, argv)) return *code;
    const core::Lang lang = resolveLang(langValue);

    if (list->parsed()) {
        // A read-only verb never creates the database: no file means an empty roster.
        if (!std::filesystem::exists(core::resultsDbPath(dbFlag))) {
            if (json)
                std::cout << "[]\n";
            else
                std::cout << label("roster.empty", lang) << '\n';
            return kExitOk;
        }
        auto store = openStoreForVerb(dbFlag, core::ResultsStore::Mode::ReadOnly, "roster list",
                                      lang, std::cerr);
        if (!store) return kExitUsage;  // a database that cannot be used
        const auto entries = core::roster(*store);
        if (json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& e : entries)
                out.push_back(
                    {{"name", e.name}, {"employee_id", e.employeeId}, {"store", e.store}});
            printJson(std::cout, out);
            return kExitOk;
        }
        if (entries.empty()) {
            std::cout << label("roster.empty", lang) << '\n';
            return kExitOk;
        }
        for (const auto& e : entries)
            std::cout << e.employeeId << '\t' << e.name << (e.store.empty() ? "" : "\t" + e.store)
                      << '\n';
        return kExitOk;
    }
    if (add->parsed()) {
        auto store = openStoreForVerb(dbFlag, core::ResultsStore::Mode::ReadWrite, "roster add",
                                      lang, std::cerr, false);
        if (!store) return kExitUsage;  // a database that cannot be used
        try {
            const bool existed = core::findRosterEntry(*store, id).has_value();
            core::upsertRosterEntry(*store, {name, id, shop});
            const auto e = core::findRosterEntry(*store, id);
            std::cout << label(existed ? "roster.updated" : "roster.added", lang,
                               {{"name", e->name}, {"id", e->employeeId}})
                      << '\n';
        } catch (const core::CoachingError& e) {
            std::cerr << "counterplay roster add: "
                      << label("coach.invalid", lang, {{"reason", e.what()}}) << '\n';
            return kExitUsage;
        } catch (const core::StoreError& e) {
            std::cerr << "counterplay roster add: " << exceptionText(e, lang) << '\n';
            return kExitData;
        }
        return kExitOk;
    }
    auto store = openStoreForVerb(dbFlag, core::ResultsStore::Mode::ReadWrite, "roster remove",
                                  lang, std::cerr);
    if (!store) return kExitUsage;  // a database that cannot be used
    try {
        if (core::removeRosterEntry(*store, removeId)) {
            std::cout << label("roster.removed", lang, {{"id", removeId}}) << '\n';
            return kExitOk;
        }
        core::Suggester suggest(removeId);
        for (const auto& e : core::roster(*store)) {
            suggest.consider(e.employeeId);
            if (e.name == removeId) suggest.consider(e.employeeId);
        }
        std::string hint = suggest.best();
        for (const auto& e : core::roster(*store))
            if (e.name == removeId) hint = e.employeeId;  // given a name: its id
        std::cerr << "counterplay roster remove: "
                  << label("roster.unknown", lang, {{"id", removeId}})
                  << (hint.empty() ? "" : label("play.did-you-mean", lang, {{"id", hint}})) << '\n';
    } catch (const core::StoreError& e) {
        std::cerr << "counterplay roster remove: " << exceptionText(e, lang) << '\n';
    }
    return kExitData;
}

}  // namespace counterplay::tools

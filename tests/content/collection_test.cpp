// The shipped content as a whole: the catalogue covers every principle of the product brief in
// both languages, every principle is exercised by some scenario, the required scenarios exist,
// the hot-cup burn has its critical action, and timed nodes are used.
#include <set>

#include "ContentTestUtil.h"
#include "counterplay/core/Citation.h"

namespace counterplay::content {
namespace {

/// The principle ids the product brief requires (PRODUCT.md, "The principles").
const char* const kRequiredPrinciples[] = {
    "trust.profit-second",         "trust.check-understanding",
    "trust.gradual-familiarisation", "trust.short-interactions",
    "trust.personal-contact",      "trust.consistency",
    "trust.no-surprises",          "trust.community",
    "trust.let-them-know-you",     "trust.small-promises",
    "complaint.greet-thank",       "complaint.listen",
    "complaint.ask-questions",     "complaint.empathise",
    "complaint.explain-resolve",   "complaint.test-question",
    "complaint.follow-up",         "service.greet-30-30",
    "service.care-before-blame",   "service.apologise-overcompensate",
    "service.solve-or-next-step",  "service.no-runaround",
    "service.resolve-fast",        "service.record-prevent",
    "service.ask-feedback",        "service.keep-coming-back",
};

struct Loaded {
    std::string file;
    std::shared_ptr<const core::Scenario> scenario;
    core::Analysis analysis;
};

/// Every shipped scenario that loads clean, with its analysis.
const std::vector<Loaded>& shipped() {
    static const std::vector<Loaded> all = [] {
        std::vector<Loaded> out;
        for (const std::string& file : scenarioFiles()) {
            core::ScenarioLoad load = core::loadScenarioFile(file, shippedCatalogue().get());
            if (!load.ok()) continue;
            out.push_back({file, load.scenario, core::analyzeScenario(*load.scenario)});
        }
        return out;
    }();
    return all;
}

const Loaded* findScenario(const std::string& id) {
    for (const Loaded& l : shipped())
        if (l.scenario->id == id) return &l;
    return nullptr;
}

TEST(Catalogue, LoadsWithNoErrorsOrWarnings) {
    const core::CatalogueLoad load = core::loadCatalogueFile(cataloguePath());
    std::string all;
    for (const auto& d : load.diagnostics) all += d.format() + "\n";
    EXPECT_TRUE(load.ok()) << all;
    EXPECT_EQ(core::countSeverity(load.diagnostics, core::Severity::Warning), 0) << all;
}

TEST(Catalogue, CoversEveryPrincipleOfTheBriefInBothLanguages) {
    const auto catalogue = shippedCatalogue();
    ASSERT_TRUE(catalogue);
    for (const char* id : kRequiredPrinciples) {
        const core::Principle* p = catalogue->find(id);
        ASSERT_NE(p, nullptr) << "the catalogue has no " << id;
        EXPECT_FALSE(p->name.ko.empty()) << id;
        EXPECT_FALSE(p->name.en.empty()) << id;
        EXPECT_FALSE(p->summary.ko.empty()) << id;
        EXPECT_FALSE(p->summary.en.empty()) << id;
        EXPECT_TRUE(p->source.seed.empty()) << id << ": cite a catalogue source with ref:";
        EXPECT_NE(catalogue->findSource(p->source.ref), nullptr) << id << ": " << p->source.ref;
        EXPECT_NE(catalogue->findGroup(p->group), nullptr) << id;
    }
}

TEST(Catalogue, EverySourceIsCitedAndReadable) {
    const auto catalogue = shippedCatalogue();
    ASSERT_TRUE(catalogue);
    ASSERT_GE(catalogue->sources.size(), 6u);
    for (const core::Source& s : catalogue->sources) {
        bool cited = false;
        for (const core::Principle& p : catalogue->principles) cited |= p.source.ref == s.id;
        EXPECT_TRUE(cited) << s.id << " is cited by no principle";
        for (const std::string* t : {&s.title.ko, &s.title.en, &s.note.ko, &s.note.en})
            EXPECT_EQ(t->find(".txt"), std::string::npos) << s.id << ": a file name";
        EXPECT_FALSE(core::formatCitation(s, {}, core::Lang::Ko).empty()) << s.id;
        EXPECT_FALSE(core::formatCitation(s, {}, core::Lang::En).empty()) << s.id;
    }
}

TEST(Catalogue, GroupsAreTrustComplaintService) {
    const auto catalogue = shippedCatalogue();
    ASSERT_TRUE(catalogue);
    for (const char* g : {"trust", "complaint", "service"}) {
        const core::PrincipleGroup* group = catalogue->findGroup(g);
        ASSERT_NE(group, nullptr) << g;
        EXPECT_FALSE(group->name.ko.empty() || group->name.en.empty()) << g;
    }
}

TEST(Scenarios, AllLoadClean) {
    EXPECT_EQ(shipped().size(), scenarioFiles().size())
        << "some scenario has errors; see content.Shipped/ShippedScenario.*";
}

TEST(Scenarios, EveryCataloguePrincipleIsExercised) {
    const auto catalogue = shippedCatalogue();
    ASSERT_TRUE(catalogue);
    std::set<std::string> exercised;
    for (const Loaded& l : shipped()) exercised.insert(l.analysis.exercised.begin(), l.analysis.exercised.end());
    for (const core::Principle& p : catalogue->principles)
        EXPECT_TRUE(exercised.count(p.id)) << "no scenario gives points for " << p.id;
}

TEST(Scenarios, RequiredScenariosExist) {
    for (const char* id : {"washed-blouse", "hot-cup-burn", "out-of-stock-dress"})
        EXPECT_NE(findScenario(id), nullptr) << "missing or broken: scenarios/" << id << ".yaml";
    EXPECT_GE(shipped().size(), 8u) << "the brief asks for the three required scenes + 5 more";
}

TEST(Scenarios, HotCupBurnRequiresTendingTheBurn) {
    const Loaded* l = findScenario("hot-cup-burn");
    ASSERT_NE(l, nullptr);
    bool found = false;
    for (const core::CriticalAction& a : l->scenario->criticalActions)
        if (a.tag == "tend-burn") found = true;
    EXPECT_TRUE(found) << "hot-cup-burn declares no critical action with tag tend-burn";
}

TEST(Scenarios, AtLeastTwoHaveTimedNodes) {
    int timed = 0;
    for (const Loaded& l : shipped())
        for (const core::Node& n : l.scenario->nodes)
            if (n.timeLimit) {
                ++timed;
                break;
            }
    EXPECT_GE(timed, 2);
}

TEST(Scenarios, IdsAreUnique) {
    std::set<std::string> ids;
    for (const Loaded& l : shipped()) EXPECT_TRUE(ids.insert(l.scenario->id).second) << l.file;
}

TEST(Scenarios, EveryTagsFileHasAScenario) {
    for (const auto& entry :
         std::filesystem::directory_iterator(COUNTERPLAY_SOURCE_DIR "/tests/content")) {
        if (entry.path().extension() != ".tags") continue;
        const std::string id = entry.path().stem().string();
        EXPECT_TRUE(std::filesystem::is_regular_file(scenariosDir() + "/" + id + ".yaml"))
            << entry.path() << " names no scenario";
    }
}

}  // namespace
}  // namespace counterplay::content

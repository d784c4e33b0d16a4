// The roster (Roster.h): entries by name, upsert by employee id, validation, removal.
#include "counterplay/core/Roster.h"

#include <gtest/gtest.h>

#include "counterplay/core/Coaching.h"
#include "results_fixture.h"

namespace counterplay::testing {
namespace {

using namespace core;

using Roster = ResultsFixture;

TEST_F(Roster, EntriesComeInNameOrder) {
    EXPECT_TRUE(roster(*store).empty());
    upsertRosterEntry(*store, {"Min-ji Park", "E7", "Gangnam"});
    upsertRosterEntry(*store, {"  Ann Lee ", " E2 ", " Jongno "});
    upsertRosterEntry(*store, {"Ann Lee", "E1", ""});  // same name, another person
    const auto r = roster(*store);
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].employeeId, "E1");
    EXPECT_EQ(r[1].name, "Ann Lee");  // trimmed
    EXPECT_EQ(r[1].employeeId, "E2");
    EXPECT_EQ(r[1].store, "Jongno");
    EXPECT_EQ(r[2].name, "Min-ji Park");
}

TEST_F(Roster, UpsertUpdatesByEmployeeId) {
    upsertRosterEntry(*store, {"Ann Le", "E1", "Gangnam"});
    upsertRosterEntry(*store, {"Ann Lee", "E1", "Jongno"});
    const auto r = roster(*store);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].name, "Ann Lee");
    EXPECT_EQ(r[0].store, "Jongno");
    ASSERT_TRUE(findRosterEntry(*store, " E1"));
    EXPECT_EQ(findRosterEntry(*store, "E1")->name, "Ann Lee");
    EXPECT_FALSE(findRosterEntry(*store, "E9"));
}

TEST_F(Roster, EmptyNamesAndIdsAreRefused) {
    EXPECT_THROW(upsertRosterEntry(*store, {"  ", "E1", ""}), CoachingError);
    EXPECT_THROW(upsertRosterEntry(*store, {"Ann", "\t", ""}), CoachingError);
    EXPECT_THROW(upsertRosterEntry(*store, {"Ann\nLee", "E1", ""}), CoachingError);
    EXPECT_THROW(upsertRosterEntry(*store, {"Ann", "E1", std::string(201, 'x')}), CoachingError);
    EXPECT_TRUE(roster(*store).empty());
}

TEST_F(Roster, RemovingAnEntryKeepsTheirAttempts) {
    upsertRosterEntry(*store, {"Ann Lee", "E1", ""});
    NewAttempt a = sampleAttempt("Ann Lee");
    a.traineeKey = "E1";
    store->recordAttempt(a);
    EXPECT_TRUE(removeRosterEntry(*store, "E1"));
    EXPECT_FALSE(removeRosterEntry(*store, "E1"));
    EXPECT_TRUE(roster(*store).empty());
    EXPECT_TRUE(store->findTrainee("E1"));
    EXPECT_EQ(store->countAttempts(), 1);
}

TEST_F(Roster, KoreanNamesAreKept) {
    const std::string name = "\xEA\xB9\x80\xEB\xAF\xBC\xEC\xA7\x80";  // 김민지
    upsertRosterEntry(*store, {name, "K-001", "\xEA\xB0\x95\xEB\x82\xA8"});
    EXPECT_EQ(roster(*store).at(0).name, name);
}

}  // namespace
}  // namespace counterplay::testing

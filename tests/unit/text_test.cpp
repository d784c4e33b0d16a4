// Placeholders and plural forms of the UI, tool and export strings (core Text).
#include "counterplay/core/Text.h"

#include <gtest/gtest.h>

using counterplay::core::fillPlaceholders;

TEST(Text, FillsNamedPlaceholders) {
    EXPECT_EQ(fillPlaceholders("{a} and {b}, {a}", {{"a", "x"}, {"b", "y"}}), "x and y, x");
}

TEST(Text, ValuesAreNotSearchedAgain) {
    EXPECT_EQ(fillPlaceholders("{a}", {{"a", "{b}"}, {"b", "no"}}), "{b}");
}

TEST(Text, PluralFormFollowsTheValue) {
    const char* en = "{n} {n|attempt|attempts} ({t} {t|trainee|trainees})";
    EXPECT_EQ(fillPlaceholders(en, {{"n", "1"}, {"t", "3"}}), "1 attempt (3 trainees)");
    EXPECT_EQ(fillPlaceholders(en, {{"n", "0"}, {"t", "1"}}), "0 attempts (1 trainee)");
    EXPECT_EQ(fillPlaceholders(en, {{"n", "11"}, {"t", "21"}}), "11 attempts (21 trainees)");
}

TEST(Text, EmptyFormsAndRepeats) {
    EXPECT_EQ(fillPlaceholders("{n} file{n||s}, {n} id{n||s}", {{"n", "1"}}), "1 file, 1 id");
    EXPECT_EQ(fillPlaceholders("{n} file{n||s}", {{"n", "2"}}), "2 files");
}

TEST(Text, MalformedPluralIsLeftAsWritten) {
    EXPECT_EQ(fillPlaceholders("{n|one} {n}", {{"n", "2"}}), "{n|one} 2");
    EXPECT_EQ(fillPlaceholders("{n|a|b", {{"n", "2"}}), "{n|a|b");
}

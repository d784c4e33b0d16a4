// The verbs of `counterplay`: each is a main-like function taking argv with argv[0] = the verb.
// Each verb parses its own options with CLI11, has --help, and returns 0 (ok), 1 (content or data
// error) or 2 (usage error).
#pragma once

namespace counterplay::tools {

int lintMain(int argc, char** argv);        // VerbLint.cpp
int playMain(int argc, char** argv);        // VerbPlay.cpp
int analyzeMain(int argc, char** argv);     // VerbAnalyze.cpp
int graphMain(int argc, char** argv);       // VerbGraph.cpp
int principlesMain(int argc, char** argv);  // VerbPrinciples.cpp
int exportMain(int argc, char** argv);      // VerbExport.cpp
int verifyMain(int argc, char** argv);      // VerbVerify.cpp
int keyMain(int argc, char** argv);         // VerbKey.cpp
int syncMain(int argc, char** argv);        // VerbSync.cpp
int reportMain(int argc, char** argv);      // VerbReport.cpp
int simulateMain(int argc, char** argv);    // VerbSimulate.cpp
int importMain(int argc, char** argv);      // VerbImport.cpp
int checkMain(int argc, char** argv);       // VerbCheck.cpp
int fmtMain(int argc, char** argv);         // VerbFmt.cpp
int newMain(int argc, char** argv);         // VerbNew.cpp
int stringsMain(int argc, char** argv);     // VerbStrings.cpp
int rosterMain(int argc, char** argv);      // VerbRoster.cpp
int coachMain(int argc, char** argv);       // VerbCoach.cpp
int dashboardMain(int argc, char** argv);   // VerbDashboard.cpp (CLI build: needs the game)
int editMain(int argc, char** argv);        // VerbEdit.cpp (CLI build: needs the game)

}  // namespace counterplay::tools

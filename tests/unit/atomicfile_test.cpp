// AtomicFile: complete replacement, no partial target on failure or abandon, exclusive create.
#include "counterplay/core/AtomicFile.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace counterplay::core;

namespace {

class AtomicFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string tmpl = (fs::temp_directory_path() / "cp-atomic-XXXXXX").string();
        dir = mkdtemp(tmpl.data());
    }
    void TearDown() override { fs::remove_all(dir); }
    std::string read(const fs::path& p) {
        std::string out, error;
        EXPECT_TRUE(readWholeFile(p.string(), out, error)) << error;
        return out;
    }
    std::size_t entries() { return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), {})); }
    fs::path dir;
};

}  // namespace

TEST_F(AtomicFileTest, WritesAndReplacesWholeFiles) {
    const auto p = (dir / "out.csv").string();
    std::string error;
    ASSERT_TRUE(writeFileAtomic(p, "first", error)) << error;
    EXPECT_EQ(read(p), "first");
    const std::string big(300000, 'x');  // larger than the write buffer
    ASSERT_TRUE(writeFileAtomic(p, big, error)) << error;
    EXPECT_EQ(read(p), big);
    EXPECT_EQ(entries(), 1u);  // no temporary left behind
}

TEST_F(AtomicFileTest, AbandonedWriteLeavesTheOldFileAndNoTemp) {
    const auto p = (dir / "out.html").string();
    std::string error;
    ASSERT_TRUE(writeFileAtomic(p, "old", error));
    {
        auto f = AtomicFile::create(p, error);
        ASSERT_TRUE(f) << error;
        f->write("half of the new cont");
        EXPECT_TRUE(fs::exists(f->tempPath()));
        EXPECT_EQ(read(p), "old");
    }
    EXPECT_EQ(read(p), "old");
    EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFileTest, ExclusiveCreateNeverReplaces) {
    const auto p = (dir / "site.key").string();
    std::string error;
    auto a = AtomicFile::create(p, error, 0600);
    a->write("A");
    bool existed = true;
    ASSERT_TRUE(a->commit(error, false, &existed)) << error;
    EXPECT_FALSE(existed);
    struct stat st {};
    ASSERT_EQ(::stat(p.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    auto b = AtomicFile::create(p, error, 0600);
    b->write("B");
    EXPECT_FALSE(b->commit(error, false, &existed));
    EXPECT_TRUE(existed);
    b.reset();
    EXPECT_EQ(read(p), "A");
    EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFileTest, ReportsUnwritableFolders) {
    std::string error;
    EXPECT_FALSE(writeFileAtomic((dir / "missing" / "x").string(), "x", error));
    EXPECT_NE(error.find("cannot write"), std::string::npos);
    std::string out;
    EXPECT_FALSE(readWholeFile(dir.string(), out, error));
    EXPECT_NE(error.find("not a regular file"), std::string::npos);
}

TEST_F(AtomicFileTest, NextWriteRemovesTempsOfDeadWritersOnly) {
    // A writer that died: a child process that has exited (and been reaped), so its pid is free.
    const pid_t dead = ::fork();
    if (dead == 0) _exit(0);
    int status = 0;
    ::waitpid(dead, &status, 0);
    const fs::path abandoned = dir / (".out.csv.tmp-" + std::to_string(dead) + "-AbCdEf");
    const fs::path live = dir / (".out.csv.tmp-" + std::to_string(::getppid()) + "-GhIjKl");
    const fs::path otherTarget = dir / (".other.csv.tmp-" + std::to_string(dead) + "-MnOpQr");
    const fs::path notOurs = dir / ".out.csv.tmp-notapid";
    for (const fs::path& p : {abandoned, live, otherTarget, notOurs}) std::ofstream(p) << "half";
    std::string error;
    ASSERT_TRUE(writeFileAtomic((dir / "out.csv").string(), "whole", error)) << error;
    EXPECT_FALSE(fs::exists(abandoned));    // its writer is gone
    EXPECT_TRUE(fs::exists(live));          // its writer is alive: maybe still writing
    EXPECT_TRUE(fs::exists(otherTarget));   // another file's business
    EXPECT_TRUE(fs::exists(notOurs));       // not in the pid format
    EXPECT_EQ(read(dir / "out.csv"), "whole");
}

TEST_F(AtomicFileTest, RefusesTargetsThatAreNotRegularFiles) {
    std::string error;
    // A device, a folder, a pipe, a dangling link and a missing folder are refused untouched.
    EXPECT_FALSE(writeFileAtomic("/dev/null", "x", error));
    EXPECT_NE(error.find("not a regular file"), std::string::npos) << error;
    struct stat st {};
    ASSERT_EQ(::stat("/dev/null", &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode));
    EXPECT_FALSE(writeFileAtomic(dir.string(), "x", error));
    EXPECT_NE(error.find("it is a folder"), std::string::npos) << error;
    EXPECT_FALSE(writeFileAtomic((dir / "sub/").string(), "x", error));
    EXPECT_NE(error.find("does not exist"), std::string::npos) << error;
    EXPECT_FALSE(writeFileAtomic((dir / "no/such.csv").string(), "x", error));
    EXPECT_NE(error.find("does not exist"), std::string::npos) << error;
    ASSERT_EQ(::mkfifo((dir / "pipe").c_str(), 0600), 0);
    EXPECT_FALSE(writeFileAtomic((dir / "pipe").string(), "x", error));
    fs::create_symlink(dir / "gone", dir / "dangling");
    EXPECT_FALSE(writeFileAtomic((dir / "dangling").string(), "x", error));
    EXPECT_NE(error.find("link to nothing"), std::string::npos) << error;
    EXPECT_TRUE(fs::is_symlink(dir / "dangling"));
    // A link to a regular file writes the file it points to and stays a link.
    ASSERT_TRUE(writeFileAtomic((dir / "real").string(), "old", error)) << error;
    fs::create_symlink(dir / "real", dir / "link");
    ASSERT_TRUE(writeFileAtomic((dir / "link").string(), "new", error)) << error;
    EXPECT_TRUE(fs::is_symlink(dir / "link"));
    EXPECT_EQ(read(dir / "real"), "new");
    std::string resolved;
    ASSERT_TRUE(resolveWriteTarget((dir / "link").string(), resolved, error));
    EXPECT_EQ(resolved, fs::canonical(dir / "real").string());
}

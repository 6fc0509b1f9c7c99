// Rare Earth Shock — the check a font file passes before Dear ImGui gets it
// (src/ui/face_check.h): the build's Japanese face passes; broken copies of it (what
// a server, a cache or a disk may hand a page for font-ja.ttf) are refused, each
// with what is wrong.
#include "broken_faces.h"
#include "ui/face_check.h"
#include "ui/theme.h"

#include <gtest/gtest.h>

namespace rareshock::ui {
namespace {

TEST(FaceCheck, TheBuildsJapaneseFacePasses) {
    const test::Bytes face = test::read_file(RS_JA_FACE);
    ASSERT_GT(face.size(), 10000u) << RS_JA_FACE;
    EXPECT_EQ(face_problem(face.data(), face.size()), "");
}

TEST(FaceCheck, BrokenCopiesAreRefusedWithWhatIsWrong) {
    const test::Bytes face = test::read_file(RS_JA_FACE);
    ASSERT_GT(face.size(), 10000u) << RS_JA_FACE;
    const auto broken = test::broken_faces(face);
    ASSERT_GE(broken.size(), 18u);
    for (const test::BrokenFace& b : broken) {
        const std::string problem = face_problem(b.bytes.empty() ? nullptr : b.bytes.data(), b.bytes.size());
        EXPECT_NE(problem.find(b.expected), std::string::npos) << b.name << ": \"" << problem << "\"";
    }
}

// Every prefix of the face is refused (a download cut anywhere), and so is every
// copy with one table's offset or length made wrong: never a read outside the bytes
// (the sanitizer build would stop on one).
TEST(FaceCheck, EveryCutAndEveryBadTableRecordIsRefused) {
    const test::Bytes face = test::read_file(RS_JA_FACE);
    ASSERT_GT(face.size(), 10000u) << RS_JA_FACE;
    for (std::size_t n = 0; n < face.size(); n += n < 512 ? 1 : 397) {
        const test::Bytes cut(face.begin(), face.begin() + static_cast<std::ptrdiff_t>(n));
        EXPECT_NE(face_problem(cut.data(), cut.size()), "") << "the first " << n << " bytes";
    }
    for (unsigned i = 0; i < test::get16(face, 4); ++i) {
        const std::size_t rec = 12 + 16 * static_cast<std::size_t>(i);
        for (std::uint32_t offset : {static_cast<std::uint32_t>(face.size()), 0xFFFFFFFFu}) {
            test::Bytes b = face;
            test::put32(b, rec + 8, offset);
            EXPECT_NE(face_problem(b.data(), b.size()), "") << "table " << i << " at " << offset;
        }
    }
}

// Inter (the canvas's own face, with CFF outlines) is not taken as an extra face:
// stb_truetype bounds its CFF reads by 512 MiB, not by the table.
TEST(FaceCheck, CffOutlinesAreNotTaken) {
    EXPECT_NE(face_problem(rs_font_inter_regular, rs_font_inter_regular_size).find("CFF outlines"), std::string::npos);
}

// The page asks with a size alone (no bytes copied) when the file is over the limit.
TEST(FaceCheck, AFaceLargerThanTheLimitIsRefusedBeforeItIsRead) {
    EXPECT_NE(face_problem(nullptr, kMaxFaceBytes + 1).find("at most"), std::string::npos);
}

}  // namespace
}  // namespace rareshock::ui

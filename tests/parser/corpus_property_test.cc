// Properties that must hold for every document of the corpus (the shared
// evaluation corpus when present, else the bundled sample):
//   - it parses, and produces no error-severity diagnostic;
//   - every node's spans lie inside the text, in order, and joining them
//     (JoinSpans) gives exactly the node's text;
//   - eids are unique; every footnote marker of a paragraph names a footnote.
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "parser/parser.h"
#include "parser/source_text.h"
#include "tests/parser/corpus_files.h"

namespace resolute {
namespace {

class SpanChecker {
 public:
  explicit SpanChecker(const v1::Resolution& r) : r_(r) {}

  // Checks that `spans` are valid and join to `expected`.
  void Check(const google::protobuf::RepeatedPtrField<v1::Span>& spans,
             const std::string& expected, const std::string& what) {
    std::vector<Span> list;
    for (const v1::Span& s : spans) {
      EXPECT_LE(0, s.start()) << what;
      EXPECT_LT(s.start(), s.end()) << what;
      EXPECT_LE(s.end(), static_cast<int64_t>(r_.text().size())) << what;
      for (const Span& other : list) {  // reading order may differ from text order
        EXPECT_TRUE(s.end() <= other.begin || s.start() >= other.end) << what << ": spans overlap";
      }
      list.push_back(Span{static_cast<int>(s.start()), static_cast<int>(s.end())});
    }
    EXPECT_EQ(JoinSpans(r_.text(), list), expected) << what;
  }

  void Eid(const std::string& eid) {
    EXPECT_FALSE(eid.empty());
    EXPECT_TRUE(eids_.insert(eid).second) << "duplicate eid " << eid;
  }

  void Subs(const google::protobuf::RepeatedPtrField<v1::Subparagraph>& subs) {
    for (const v1::Subparagraph& s : subs) {
      Eid(s.eid());
      Check(s.spans(), s.text(), s.eid());
      Subs(s.subparagraphs());
    }
  }

 private:
  const v1::Resolution& r_;
  std::set<std::string> eids_;
};

TEST(CorpusProperties, SpansEidsAndDiagnostics) {
  const auto docs = testing::CorpusDocuments();
  ASSERT_FALSE(docs.empty());
  std::cout << (testing::SharedCorpusPresent() ? "shared corpus" : "bundled sample") << ": "
            << docs.size() << " documents from " << testing::CorpusTextsDir() << "\n";
  for (const auto& doc : docs) {
    SCOPED_TRACE(doc.path);
    auto result = ParseResolution(testing::ReadFile(doc.path));
    ASSERT_TRUE(result.ok()) << result.status();
    const v1::Resolution& r = *result;
    SpanChecker check(r);
    check.Check(r.title_spans(), r.title(), "title");
    for (const auto& p : r.preambular_paragraphs()) {
      check.Eid(p.eid());
      check.Check(p.spans(), p.text(), p.eid());
      EXPECT_EQ(p.text().compare(0, p.lead_phrase().size(), p.lead_phrase()), 0) << p.eid();
    }
    std::set<std::string> markers;
    for (const auto& f : r.footnotes()) {
      check.Eid(f.eid());
      check.Check(f.spans(), f.text(), f.eid());
      markers.insert(f.marker());
    }
    for (const auto& p : r.operative_paragraphs()) {
      check.Eid(p.eid());
      check.Check(p.spans(), p.text(), p.eid());
      check.Subs(p.subparagraphs());
      EXPECT_EQ(p.text().compare(0, p.lead_phrase().size(), p.lead_phrase()), 0) << p.eid();
      for (const std::string& m : p.footnote_markers()) EXPECT_EQ(markers.count(m), 1u) << m;
    }
    for (const auto& h : r.headings()) {
      check.Eid(h.eid());
      const std::string joined =
          h.label().empty() || h.title().empty() ? h.text() : absl::StrCat(h.label(), " ", h.title());
      check.Check(h.spans(), joined, h.eid());
    }
    for (const auto& a : r.annexes()) check.Eid(a.eid());
    for (const auto& d : r.diagnostics()) {
      EXPECT_NE(d.severity(), v1::Diagnostic::SEVERITY_ERROR) << d.code() << ": " << d.message();
    }
  }
}

}  // namespace
}  // namespace resolute

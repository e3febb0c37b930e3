#include "akn/frbr.h"

#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace resolute::akn {
namespace {

resolute::v1::Resolution Model(const char* text) {
  resolute::v1::Resolution r;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &r));
  return r;
}

TEST(FrbrNames, GeneralAssembly) {
  const FrbrNames n = FrbrNamesFor(Model(
      R"pb(symbol: "A/RES/78/100" body: BODY_GENERAL_ASSEMBLY number: "78/100"
           adoption { date: "2023-12-07" })pb"));
  EXPECT_EQ(n.work_uri, "/akn/un/statement/deliberation/unga/2023-12-07/78-100/");
  EXPECT_EQ(n.expression_uri, "/akn/un/statement/deliberation/unga/2023-12-07/78-100/eng@/");
  EXPECT_EQ(n.manifestation_uri,
            "/akn/un/statement/deliberation/unga/2023-12-07/78-100/eng@.xml");
  EXPECT_EQ(n.body.author, "ga");
}

TEST(FrbrNames, SecurityCouncilNumberKeepsItsYear) {
  const FrbrNames n = FrbrNamesFor(Model(
      R"pb(symbol: "S/RES/2722(2024)" body: BODY_SECURITY_COUNCIL number: "2722 (2024)"
           adoption { date: "2024-01-10" })pb"));
  EXPECT_EQ(n.work_uri, "/akn/un/statement/deliberation/unsc/2024-01-10/2722-2024/");
  EXPECT_EQ(n.body.author, "sc");
}

TEST(FrbrNames, NumberFromSymbolAndUnknownDate) {
  const FrbrNames n = FrbrNamesFor(
      Model(R"pb(symbol: "E/RES/2020/9" body: BODY_ECONOMIC_AND_SOCIAL_COUNCIL)pb"));
  EXPECT_EQ(n.work_uri, "/akn/un/statement/deliberation/ecosoc/0001-01-01/2020-9/");
}

TEST(UndocsHref, EncodesWhatIsNotSafe) {
  EXPECT_EQ(UndocsHref("A/RES/66/288"), "https://undocs.org/en/A/RES/66/288");
  EXPECT_EQ(UndocsHref("A/RES/1514(XV)"), "https://undocs.org/en/A/RES/1514(XV)");
  EXPECT_EQ(UndocsHref("A/78/5 Add.1#x\"<"), "https://undocs.org/en/A/78/5%20Add.1%23x%22%3C");
}

}  // namespace
}  // namespace resolute::akn

// A test fixture with a temporary folder of its own, removed afterwards.
#ifndef WHOSAID_TESTS_TEMP_FOLDER_H_
#define WHOSAID_TESTS_TEMP_FOLDER_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace whosaid::testing_support {

class TempFolderTest : public ::testing::Test {
 protected:
  // Creates dir_, named after the process and the test.
  void SetUp() override;
  void TearDown() override;

  // Writes `content` to `name` in the test's folder (creating folders on
  // the way) and returns its absolute path.
  std::string Write(const std::string& name, const std::string& content);
  // The absolute path of `name` in the test's folder.
  std::string Path(const std::string& name) const;

  std::filesystem::path dir_;
};

}  // namespace whosaid::testing_support

#endif  // WHOSAID_TESTS_TEMP_FOLDER_H_

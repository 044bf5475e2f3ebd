#include "temp_folder.h"

#include <unistd.h>

#include <fstream>

namespace whosaid::testing_support {

void TempFolderTest::SetUp() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  dir_ = std::filesystem::path(::testing::TempDir()) /
         ("whosaid_" + std::to_string(getpid()) + "_" +
          info->test_suite_name() + "_" + info->name());
  std::filesystem::remove_all(dir_);
  std::filesystem::create_directories(dir_);
}

void TempFolderTest::TearDown() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string TempFolderTest::Write(const std::string& name,
                                  const std::string& content) {
  const std::filesystem::path path = dir_ / name;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

std::string TempFolderTest::Path(const std::string& name) const {
  return (dir_ / name).string();
}

}  // namespace whosaid::testing_support

#include "cli/input_reader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "whosaid/document_reader.h"

namespace whosaid::cli {

InputReader::InputReader(std::vector<std::string> paths, std::string mode)
    : paths_(std::move(paths)), mode_(std::move(mode)) {}

void InputReader::Fail(const std::string& where, const std::string& why) {
  std::fprintf(stderr, "whosaid: %s: %s\n", where.c_str(), why.c_str());
  ++failed_;
}

bool InputReader::OpenNext() {
  while (next_path_ < paths_.size()) {
    const std::string& path = paths_[next_path_++];
    jsonl_ = mode_ == "auto" ? path.ends_with(".jsonl") : mode_ == "jsonl";
    line_number_ = 0;
    if (path == "-") {
      in_ = &std::cin;
      name_ = "stdin";
      return true;
    }
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      Fail(path, "cannot read it: it is a folder");
      continue;
    }
    file_.close();
    file_.clear();
    file_.open(path, std::ios::binary);
    if (!file_) {
      Fail(path, std::string("cannot read it: ") + std::strerror(errno));
      continue;
    }
    in_ = &file_;
    name_ = path;
    return true;
  }
  return false;
}

std::optional<Document> InputReader::Next() {
  while (true) {
    if (in_ == nullptr && !OpenNext()) return std::nullopt;
    if (!jsonl_) {
      std::string text((std::istreambuf_iterator<char>(*in_)),
                       std::istreambuf_iterator<char>());
      in_ = nullptr;
      bytes_read_ += text.size();
      return Document{name_, std::move(text)};
    }
    std::string line;
    while (std::getline(*in_, line)) {
      ++line_number_;
      bytes_read_ += line.size() + 1;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const std::string where = name_ + ":" + std::to_string(line_number_);
      auto doc = ParseDocumentLine(line, where);
      if (doc.ok()) return std::move(doc).value();
      Fail(where, doc.status().message());
    }
    in_ = nullptr;  // this input is done; go on with the next
  }
}

}  // namespace whosaid::cli

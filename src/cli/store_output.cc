#include "cli/store_output.h"

#include <cstdio>

namespace whosaid::cli {

std::string Join(const std::vector<std::string>& parts,
                 const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

bool IsStoreFormat(const std::string& format, bool csv_allowed) {
  return format == "text" || format == "jsonl" ||
         (csv_allowed && format == "csv");
}

std::unique_ptr<Store> OpenStoreForCli(const std::string& path) {
  auto store = Store::Open(path, Store::Mode::kExisting);
  if (!store.ok()) {
    std::fprintf(stderr, "whosaid: %s\n", store.status().message().c_str());
    return nullptr;
  }
  return std::move(store).value();
}

int QueryError(const char* command, const Status& status) {
  std::fprintf(stderr, "whosaid %s: %s\n", command, status.message().c_str());
  return 2;
}

std::string CsvField(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void StoreWriter::Put(const std::string& bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size()) {
    failed_ = true;
  }
}

void StoreWriter::Header(const std::vector<std::string>& columns) {
  if (format_ == "csv") Write(nullptr, "", columns);
}

void StoreWriter::Write(const nlohmann::json& json, const std::string& text,
                        const std::vector<std::string>& row) {
  if (format_ == "jsonl") {
    Put(json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
        "\n");
  } else if (format_ == "csv") {
    std::string record;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) record += ',';
      record += CsvField(row[i]);
    }
    Put(record + "\r\n");
  } else {
    Put(text);
  }
}

int StoreWriter::Finish() const { return failed_ ? 1 : 0; }

}  // namespace whosaid::cli

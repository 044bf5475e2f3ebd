#include "run_binary.h"

#include <fcntl.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <sstream>
#include <string_view>

extern char** environ;

namespace whosaid::testing_support {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> docs;
  for (const std::string& line : Lines(out)) {
    EXPECT_TRUE(nlohmann::json::accept(line)) << "not JSON: " << line;
    if (nlohmann::json::accept(line)) {
      docs.push_back(nlohmann::json::parse(line));
    }
  }
  return docs;
}

std::vector<std::string> Ids(const std::vector<nlohmann::json>& docs) {
  std::vector<std::string> ids;
  for (const nlohmann::json& doc : docs) {
    ids.push_back(doc.value("id", "(no id)"));
  }
  return ids;
}

pid_t StartBinary(const std::vector<std::string>& args, int in, int out,
                  int err, const std::vector<std::string>& env,
                  bool as_nobody) {
  constexpr uid_t kNobody = 65534;
  std::vector<std::string> arg_strings = {WHOSAID_BINARY};
  arg_strings.insert(arg_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : arg_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    if (!std::string_view(*e).starts_with("WHOSAID_RULES=")) {
      env_strings.emplace_back(*e);
    }
  }
  env_strings.insert(env_strings.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (std::string& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    // Only async-signal-safe calls between fork and exec.
    if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0 ||
        chdir(WHOSAID_SOURCE_DIR) != 0) {
      _exit(126);
    }
    if (as_nobody && geteuid() == 0 &&
        (setgroups(0, nullptr) != 0 || setgid(kNobody) != 0 ||
         setuid(kNobody) != 0)) {
      _exit(125);
    }
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  return pid;
}

int WaitForExit(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

Outcome RunBinary(const std::vector<std::string>& args,
                  const RunOptions& options, const std::filesystem::path& dir) {
  const std::filesystem::path in_path = dir / "run.stdin";
  std::ofstream(in_path, std::ios::binary) << options.input;
  const std::string out_path = options.stdout_path.empty()
                                   ? (dir / "run.stdout").string()
                                   : options.stdout_path;
  const std::string err_path = (dir / "run.stderr").string();
  Outcome outcome;
  const int in = open(in_path.c_str(), O_RDONLY);
  const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (in >= 0 && out >= 0 && err >= 0) {
    const pid_t pid =
        StartBinary(args, in, out, err, options.env, options.as_nobody);
    if (pid > 0) outcome.exit_code = WaitForExit(pid);
  }
  for (int fd : {in, out, err}) {
    if (fd >= 0) close(fd);
  }
  if (options.stdout_path.empty()) outcome.out = ReadFile(out_path);
  outcome.err = ReadFile(err_path);
  return outcome;
}

Outcome BinaryTest::Run(const std::vector<std::string>& args,
                        const RunOptions& options) {
  return RunBinary(args, options, dir_);
}

}  // namespace whosaid::testing_support

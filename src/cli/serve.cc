// whosaid serve: the HTTP API and the review page (src/serve/).
#include <pthread.h>
#include <signal.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>

#include "cli/commands.h"
#include "cli/parse_args.h"
#include "cli/rule_packs.h"
#include "serve/api.h"
#include "serve/server.h"
#include "serve/store_endpoints.h"

namespace whosaid::cli {
namespace {

namespace po = boost::program_options;

// "10M", "512k", "1048576": a size in bytes with an optional k, M or G
// (powers of 1024); 0 when it is not one.
std::size_t ParseSize(const std::string& text) {
  std::size_t digits = 0;
  while (digits < text.size() &&
         std::isdigit(static_cast<unsigned char>(text[digits])))
    ++digits;
  if (digits == 0 || digits > 12 || text.size() > digits + 1) return 0;
  std::size_t size = std::stoull(text.substr(0, digits));
  if (digits == text.size()) return size;
  switch (text.back()) {
    case 'k':
    case 'K':
      return size << 10;
    case 'm':
    case 'M':
      return size << 20;
    case 'g':
    case 'G':
      return size << 30;
    default:
      return 0;
  }
}

// Runs `server` until SIGINT or SIGTERM. The signals are blocked in every
// thread and taken by one that waits for them, so stopping happens outside
// a signal handler.
void ServeUntilSignalled(serve::Server& server, const sigset_t& signals) {
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    server.Stop();
  });
  server.Listen();
  // Listen may also end on its own: wake the waiter if it still waits.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
}

}  // namespace

int RunServe(const Args& args) {
  serve::ServerOptions options;
  std::vector<std::string> rule_dirs;
  std::string max_body = "10M";
  std::string db_path;
  po::options_description desc(
      "usage: whosaid serve [OPTIONS]\n\n"
      "Serves the HTTP API (docs/api.md) and, at /, a page to paste an "
      "article\ninto and review its quotes.\n\noptions");
  desc.add_options()("help,h", "show this help")(
      "host", po::value(&options.host)->default_value(options.host),
      "address to listen on (loopback unless told otherwise)")(
      "port,p", po::value(&options.port)->default_value(options.port),
      "port to listen on; 0 for any free one (printed on stderr)")(
      "threads,j", po::value(&options.threads),
      "requests extracted at once (default: one more than the cores)")(
      "max-body", po::value(&max_body)->default_value(max_body),
      "largest request body, in bytes or with k, M or G; larger ones get "
      "413")("db", po::value(&db_path)->value_name("FILE"),
             "a quote store made by whosaid index: /v1/search, /v1/verify "
             "and the page's verify box")(
      "rules,r", po::value(&rule_dirs)->composing(),
      "add the rule pack in DIR (repeatable)");
  po::variables_map vm;
  if (std::string error =
          ParseArgs(args, desc, po::positional_options_description(), &vm);
      !error.empty()) {
    std::fprintf(stderr, "whosaid serve: %s\n", error.c_str());
    return 2;
  }
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return 0;
  }
  options.max_body = ParseSize(max_body);
  if (options.max_body == 0) {
    std::fprintf(stderr, "whosaid serve: --max-body: not a size: '%s'\n",
                 max_body.c_str());
    return 2;
  }
  if (options.port < 0 || options.port > 65535) {
    std::fprintf(stderr, "whosaid serve: --port must be 0 to 65535\n");
    return 2;
  }
  if (options.threads <= 0) {
    // One more than the cores: while a finished extraction hands its slot
    // to the next request, whose thread takes a while to wake, the others
    // keep every core busy (docs/performance.md, "The server under load").
    options.threads =
        static_cast<int>(std::max(1u, std::thread::hardware_concurrency()) + 1);
  }
  auto rules = LoadRulesForCli(rule_dirs);
  if (!rules.ok()) {
    std::fprintf(stderr, "whosaid: %s\n", rules.status().message().c_str());
    return 2;
  }
  std::unique_ptr<serve::StoreEndpoints> store;
  if (!db_path.empty()) {
    auto opened = serve::StoreBackend::Open(db_path);
    if (!opened.ok()) {
      std::fprintf(stderr, "whosaid serve: %s\n",
                   opened.status().message().c_str());
      return 2;
    }
    store = std::move(opened).value();
  }
  // Blocked before any thread starts, so that every thread inherits it.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  serve::Api api(*rules, options.threads, std::move(store));
  serve::Server server(api, options);
  auto port = server.Bind();
  if (!port.ok()) {
    std::fprintf(stderr, "whosaid serve: %s\n",
                 port.status().message().c_str());
    return 2;
  }
  std::fprintf(stderr, "whosaid serve: listening on http://%s:%d/\n",
               options.host.c_str(), *port);
  std::fflush(stderr);
  ServeUntilSignalled(server, signals);
  std::fprintf(stderr, "whosaid serve: stopped\n");
  return 0;
}

}  // namespace whosaid::cli

// `whosaid serve`: the HTTP server (cpp-httplib) around the Api. It routes
// requests, turns every error into a JSON answer with its status (400,
// 404, 405, 413, 500, 503), limits bodies, and serves the review page at
// `/`.
#ifndef WHOSAID_SERVE_SERVER_H_
#define WHOSAID_SERVE_SERVER_H_

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>

#include "serve/api.h"
#include "whosaid/status.h"

namespace httplib {
class Server;
}

namespace whosaid::serve {

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0: any free port (see Bind)
  // Requests extracted at once (the Api's slots); 0: every core.
  int threads = 0;
  std::size_t max_body = 10 * 1024 * 1024;  // larger bodies get 413
};

class Server {
 public:
  // `api` must outlive the server.
  Server(Api& api, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds to options.host and options.port. Returns the port bound (the
  // one chosen when options.port is 0), or an error such as "cannot
  // listen on 127.0.0.1:8080" when the address is taken or not local.
  StatusOr<int> Bind();
  // Serves requests on the bound socket until Stop(). Blocks.
  void Listen();
  // Makes Listen return; safe from any thread, also before Listen.
  void Stop();

  // The number of threads that carry connections: each open connection
  // (kept alive between requests) holds one, so there are more of them
  // than extraction slots.
  static int ConnectionThreads(int extraction_threads);

 private:
  void Route();

  Api& api_;
  ServerOptions options_;
  std::unique_ptr<httplib::Server> http_;
  std::string page_;  // the page at `/`, built once
  std::atomic<bool> stopping_ = false;
  int listen_socket_ = -1;  // set by the socket options when binding
};

}  // namespace whosaid::serve

#endif  // WHOSAID_SERVE_SERVER_H_

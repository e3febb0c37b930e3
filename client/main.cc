// resolute: the reference client of the resolute service. See cli.h.
//
// The first SIGINT or SIGTERM cancels the run (the summary still accounts for
// every input); a second one exits at once.

#include <unistd.h>

#include <csignal>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "client/cli.h"

int main(int argc, char** argv) {
  // Debian builds Abseil without NDEBUG, which leaves absl::Mutex's deadlock
  // detector on for every lock (ours and gRPC's): costly under `bench` load.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  resolute::client::Cli cli(&std::cin, &std::cout, &std::cerr, isatty(STDERR_FILENO) != 0);
  std::thread([signals, &cli] {
    int signal = 0;
    sigwait(&signals, &signal);
    cli.Cancel();
    sigwait(&signals, &signal);
    _exit(128 + signal);
  }).detach();

  return cli.Run(std::vector<std::string>(argv + 1, argv + argc));
}

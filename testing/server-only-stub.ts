// vitest runs outside React's server environment, where the real "server-only" throws;
// the modules it guards are exactly the ones these tests exercise.
export {};

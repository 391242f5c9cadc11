/**
 * Guards that every assertion can fail, run before each test file (vitest.config.ts `setupFiles`).
 *
 * `toMatchObject` compares an expected object by its own enumerable keys, so an expected value
 * with none matches anything: `toMatchObject({ message: /re/ })` passes whatever the message is
 * (a RegExp has no own keys), and so does an empty `{}` or a class instance without fields. Such a
 * value in a `toMatchObject` is refused here, naming where it is and what to write instead. (The
 * config's `expect.requireAssertions` refuses a test that asserts nothing at all.)
 */
import { chai } from "vitest";
import { emptyMatchers } from "./empty-matchers.js";

chai.use((api, utils) => {
  utils.overwriteMethod(api.Assertion.prototype, "toMatchObject", (original: (...args: unknown[]) => unknown) => {
    return function (this: object, ...args: unknown[]) {
      const found = emptyMatchers(args[0]);
      if (found.length > 0) {
        throw new Error(
          `toMatchObject cannot fail at ${found.join(", ")}: a RegExp or an object without own keys matches anything there; ` +
            "write expect.stringMatching(re), or assert on the property itself",
        );
      }
      return original.apply(this, args);
    };
  });
});

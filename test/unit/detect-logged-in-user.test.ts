// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findLoggedInUser } from '../../lib/detect';

function doc(body: string): Document {
  document.body.innerHTML = body; // test fixture markup, not page data
  return document;
}

describe('findLoggedInUser', () => {
  it('reads the user menu in the header', () => {
    expect(findLoggedInUser(doc('<header><span class="fmc-user">admin</span></header>'))).toBe('admin');
    expect(findLoggedInUser(doc('<nav><button aria-label="User menu">jdoe</button></nav>'))).toBe('jdoe');
  });

  it('reads a "logged in as" phrase', () => {
    expect(findLoggedInUser(doc('<header><div>Logged in as  ops.admin (Global)</div></header>'))).toBe(
      'ops.admin',
    );
  });

  it('ignores user data in tables and forms, menu labels, and pages without a user', () => {
    expect(findLoggedInUser(doc('<table><tr><td class="user">alice</td></tr></table>'))).toBeNull();
    expect(
      findLoggedInUser(doc('<form><input id="username"><span class="user-hint">bob</span></form>')),
    ).toBeNull();
    expect(
      findLoggedInUser(doc('<nav><a href="/system/users" class="menu-users">Users</a></nav>')),
    ).toBeNull();
    expect(findLoggedInUser(doc('<header><span class="user-name">two words</span></header>'))).toBeNull();
    expect(findLoggedInUser(doc('<p>No header here</p>'))).toBeNull();
  });
});

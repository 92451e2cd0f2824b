import { htmlResponse, type UiContext, type UiResponse } from '../context';
import { h } from '../html';
import { page } from '../layout';

/** `/ui/login`: the form posts back here and the server lets anyone in. */
export function loginPage(ctx: UiContext): UiResponse {
  return htmlResponse(
    200,
    page({
      title: 'Login',
      version: ctx.fleet().serverVersion,
      path: '/ui/login',
      chrome: 'login',
      main: [
        h('form', { class: 'login', method: 'post', action: '/ui/login' }, [
          h('h1', null, 'Log In'),
          h('label', null, [
            'Username',
            h('input', { name: 'username', autocomplete: 'username', value: 'admin' }),
          ]),
          h('label', null, [
            'Password',
            h('input', { name: 'password', type: 'password', autocomplete: 'current-password' }),
          ]),
          h('div', { class: 'form-actions' }, [
            h('button', { type: 'submit', class: 'button button--primary' }, 'Log In'),
          ]),
        ]),
      ],
    }),
  );
}

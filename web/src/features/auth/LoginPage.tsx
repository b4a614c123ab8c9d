import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { fetchMe, queryKeys } from '../../api/queries';
import { ErrorMessage } from '../../components/Status';
import { homePathOf } from './roles';
import { useSetupNeeded } from './SetupPage';

/** Only same-site paths are followed after sign-in, never a URL from elsewhere. */
function safeNext(next: string | null): string | undefined {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const login = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/login', { body: { email, password } })),
    onSuccess: async (session) => {
      queryClient.clear();
      await queryClient.fetchQuery({ queryKey: queryKeys.me, queryFn: fetchMe });
      navigate(safeNext(params.get('next')) ?? homePathOf(session.user.role as Parameters<typeof homePathOf>[0]), { replace: true });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  // A fresh installation without the demo has nobody to sign in yet: its first-run screen comes first.
  const setup = useSetupNeeded();
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  return (
    <main className="login">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">
          <span className="brand-mark" aria-hidden="true">A</span> Sign in to Assay
        </h1>
        <label className="field">
          <span>Email</span>
          <input type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="field">
          <span>Password</span>
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {login.isError && <ErrorMessage error={login.error} />}
        <button className="btn primary" type="submit" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

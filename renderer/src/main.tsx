import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { needsLink, takeTokenFromUrl } from './api';
import './styles.css';

takeTokenFromUrl();

/** Browser mode opened without Turnus's link: the API would refuse every call. */
function OpenTheLink() {
  return (
    <main className="open-link">
      <h1>Åpne lenken fra Turnus</h1>
      <p>
        Denne siden må åpnes med lenken Turnus skrev ut da den startet (den slutter med «#token=…»). Lenken står i vinduet der Turnus ble
        startet, og i lenkefilen som bare du kan lese.
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  needsLink() ? (
    <OpenTheLink />
  ) : (
    <StrictMode>
      <App />
    </StrictMode>
  ),
);
